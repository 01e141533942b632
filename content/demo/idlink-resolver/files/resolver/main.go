package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	listen := flag.String("listen", ":8053", "address to listen on")
	prefix := flag.String("prefix", "", "enterprise prefix served by this node")
	flag.Parse()
	log.Printf("idlink resolver for prefix %s on %s", *prefix, *listen)
	log.Fatal(http.ListenAndServe(*listen, newHandler(*prefix)))
}
