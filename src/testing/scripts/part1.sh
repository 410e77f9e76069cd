docker rm -f `docker ps -qa`
docker rmi -f `docker images -qa`
ip addr
docker run -d -P --name tomcat01 tomcat
docker exec -it tomcat01 ip addr
ping 172.18.0.2
#! wait 3
#! ctrl-c
ip addr
docker run -d -P --name tomcat02 tomcat
ip addr
docker exec -it tomcat02 ip addr
docker exec -it tomcat01 ping -c 3 172.18.0.3
docker ps
docker rm -f tomcat02
ip addr
