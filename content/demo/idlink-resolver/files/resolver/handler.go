package main

import "net/http"

// newHandler answers resolution requests for one enterprise prefix (spec section 5).
func newHandler(prefix string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/resolve/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
	})
	return mux
}
