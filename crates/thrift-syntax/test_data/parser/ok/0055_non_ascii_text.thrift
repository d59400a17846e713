// Non-ASCII text in comments and strings: ünïcödé, 中文注释, 日本語, 한국어, emoji 🦀🚀, RTL עברית
# shell comment with emoji 🎉 and math ∀x∈ℝ
/* block comment: Ωmega — “smart quotes” … */

/** Doc comment: 書籍 (books) 📚 */
struct Book {
  1: string title = "吾輩は猫である" // Natsume Sōseki
  2: string author = 'Лев Толстой'
  3: string emoji = "🦀 + 🚀 = ❤️"
  4: string combining = "é (e + combining acute), zero​width space"
} (note = "注記 🙂")

const map<string, string> GREETINGS = {"zh": "你好", "ar": "مرحبا", "el": "Γειά σου"}
