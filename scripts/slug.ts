// Prints the URL slug of a Vietnamese text: npm run slug -- "Chấm dứt bạo lực, vun đắp yêu thương."
import { slugify } from '../src/shared/slug.ts';

const text = process.argv.slice(2).join(' ');
if (!text.trim()) {
  console.error('Usage: npm run slug -- "<Vietnamese text>"');
  process.exit(1);
}
console.log(slugify(text));
