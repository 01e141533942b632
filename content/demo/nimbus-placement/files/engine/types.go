package engine

// Site is a place a workload can run: a region, zone or edge location.
type Site struct {
	Name   string
	Labels map[string]string
}

// Request is a placement request (spec section 5).
type Request struct {
	APIVersion  string
	Workload    string
	Constraints Constraints
}
