// Writes media/progress/*.svg: the tree's icons for running work with a known progress, a ring
// filled clockwise from the top in 10 % steps, blue for running, red for running with errors, in a
// light and a dark variant. Run it again after changing the drawing; the files are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'progress');
const colours = {
  running: { light: '#1a85ff', dark: '#3794ff' },
  runningWithErrors: { light: '#e51400', dark: '#f14c4c' },
};

/** The filled part of a ring of radius `r` around (8, 8) for `percent`, as an SVG path. */
function wedge(percent, r) {
  if (percent >= 100) return `<circle cx="8" cy="8" r="${r}"/>`;
  const angle = (percent / 100) * 2 * Math.PI;
  const x = (8 + r * Math.sin(angle)).toFixed(3);
  const y = (8 - r * Math.cos(angle)).toFixed(3);
  const large = percent > 50 ? 1 : 0;
  return `<path d="M8 8 L8 ${8 - r} A${r} ${r} 0 ${large} 1 ${x} ${y} Z"/>`;
}

mkdirSync(out, { recursive: true });
for (const [category, themes] of Object.entries(colours)) {
  for (const [theme, colour] of Object.entries(themes)) {
    for (let percent = 0; percent <= 100; percent += 10) {
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">` +
        `<circle cx="8" cy="8" r="6.75" fill="none" stroke="${colour}" stroke-width="1.5"/>` +
        (percent ? `<g fill="${colour}">${wedge(percent, 4.75)}</g>` : '') +
        `</svg>\n`;
      writeFileSync(join(out, `${category}-${String(percent).padStart(3, '0')}-${theme}.svg`), svg);
    }
  }
}
