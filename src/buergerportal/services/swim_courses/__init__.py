"""Swimming-course booking (Schwimmkurse)."""
