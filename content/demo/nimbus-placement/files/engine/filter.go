package engine

// Filter removes every site that violates a hard constraint (spec section 6.1).
func Filter(sites []Site, req Request) (kept []Site, rejected []Rejection) {
	for _, s := range sites {
		if reason, ok := violates(s, req.Constraints.Hard); ok {
			rejected = append(rejected, Rejection{Site: s.Name, Reason: reason})
			continue
		}
		kept = append(kept, s)
	}
	return kept, rejected
}
