/** The items of a list typed in one field, separated by commas, semicolons or spaces. */
export function listOf(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
