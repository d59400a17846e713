struct Kept {}
