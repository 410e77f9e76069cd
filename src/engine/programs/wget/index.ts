/**
 * `wget`: BusyBox's applet (registry name `wget`, in the alpine and busybox
 * images) and GNU Wget (registry name `wget-gnu`, where an image ships it).
 */
export { busyboxWgetProgram } from './busybox'
export { createGnuWgetProgram } from './gnu'
