struct Stays {}
