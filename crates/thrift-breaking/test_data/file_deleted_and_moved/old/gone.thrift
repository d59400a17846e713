service Gone { void ping() }
