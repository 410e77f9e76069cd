/**
 * Container names when `--name` is not given, as moby's
 * `pkg/namesgenerator` makes them: `adjective_surname`, never
 * `boring_wozniak`, a random digit appended on retries. The lists are a
 * subset of moby's (same spelling); the choice comes from the seeded Prng,
 * so a seed always yields the same names.
 */
import type { Prng } from '../sim/random'

const LEFT = `admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy
charming clever cool compassionate competent condescending confident cranky crazy dazzling determined distracted
dreamy eager ecstatic elastic elated elegant eloquent epic exciting fervent festive flamboyant focused friendly
frosty funny gallant gifted goofy gracious great happy hardcore heuristic hopeful hungry infallible inspiring
interesting intelligent jolly jovial keen kind laughing loving lucid magical mystifying modest musing naughty
nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive practical priceless quirky quizzical
recursing relaxed reverent romantic sad serene sharp silly sleepy stoic strange stupefied suspicious sweet tender
thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen`.split(/\s+/)

const RIGHT = `albattani allen almeida antonelli agnesi archimedes ardinghelli aryabhata austin babbage banach banzai
bardeen bartik bassi beaver bell benz bhabha bhaskara black blackburn blackwell bohr booth borg bose bouman boyd
brahmagupta brattain brown buck burnell cannon carson cartwright carver cerf chandrasekhar chaplygin chatelet
chatterjee chebyshev cohen chaum clarke colden cori cray curran curie darwin davinci dewdney dhawan diffie dijkstra
dirac driscoll dubinsky easley edison einstein elbakyan elgamal elion ellis engelbart euclid euler faraday feistel
fermat fermi feynman franklin gagarin galileo galois ganguly gates gauss germain goldberg goldstine goldwasser
golick goodall gould greider grothendieck haibt hamilton haslett hawking hellman heisenberg hermann herschel hertz
heyrovsky hodgkin hofstadter hoover hopper hugle hypatia ishizaka jackson jang jemison jennings jepsen johnson
joliot jones kalam kapitsa kare keldysh keller kepler khayyam khorana kilby kirch knuth kowalevski lalande lamarr
lamport leakey leavitt lederberg lehmann lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto
maxwell mayer mccarthy mcclintock mclaren mclean mcnulty mendel mendeleev meitner meninsky merkle mestorf
mirzakhani moore morse murdock moser napier nash neumann newton nightingale nobel noether northcutt noyce panini
pare pascal pasteur payne perlman pike poincare poitras proskuriakova ptolemy raman ramanujan ride montalcini
ritchie rhodes robinson roentgen rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley shockley
shtern sinoussi snyder solomon spence stonebraker sutherland swanson swartz swirles taussig tereshkova tesla tharp
thompson torvalds tu turing varahamihira vaughan visvesvaraya volhard villani wescoff wilbur wiles williams
williamson wilson wing wozniak wright wu yalow yonath zhukovsky`.split(/\s+/)

/** namesgenerator.GetRandomName(retry). */
export function randomName(random: Prng, retry: number): string {
  for (;;) {
    const name = `${LEFT[random.int(LEFT.length)]}_${RIGHT[random.int(RIGHT.length)]}`
    if (name === 'boring_wozniak') continue // "Steve Wozniak is not boring"
    return retry > 0 ? `${name}${random.int(10)}` : name
  }
}

/**
 * daemon.generateNewName: up to six tries for a free random name, then the
 * short id (moby `daemon/names.go`).
 */
export function generateName(random: Prng, taken: (name: string) => boolean, id: string): string {
  for (let i = 0; i < 6; i++) {
    const name = randomName(random, i)
    if (!taken(name)) return name
  }
  return id.slice(0, 12)
}
