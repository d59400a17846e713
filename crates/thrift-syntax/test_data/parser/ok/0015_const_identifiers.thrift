// constants that refer to other constants and to enum values
enum Color {
  RED = 1,
  GREEN = 2,
}

const i32 BASE = 10
const i32 ALIAS = BASE
const Color DEFAULT_COLOR = Color.RED
const list<Color> PALETTE = [Color.RED, Color.GREEN]
const map<Color, i32> WEIGHTS = {Color.RED: BASE, Color.GREEN: ALIAS}
