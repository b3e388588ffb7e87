/** '张三' → '张*', '欧阳娜娜' → '欧***': the family name's first character stays. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return characters[0] + '*'.repeat(characters.length - 1);
}
