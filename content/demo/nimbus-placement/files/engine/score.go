package engine

// Score sums the weights of the soft constraints a site satisfies (spec section 6.2).
func Score(s Site, soft []Constraint) int {
	total := 0
	for _, c := range soft {
		if c.Matches(s) {
			total += c.Weight
		}
	}
	return total
}
