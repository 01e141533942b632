package shadow

// Shadow is the desired and reported state of one device.
type Shadow struct {
	Device   string
	Desired  map[string]any
	Reported map[string]any
	Version  uint64
}

// Delta returns the desired keys whose values differ from the reported ones.
func (s *Shadow) Delta() map[string]any {
	delta := map[string]any{}
	for k, v := range s.Desired {
		if s.Reported[k] != v {
			delta[k] = v
		}
	}
	return delta
}
