/**
 * The light and dark themes of the web app keep text readable: every pair of text and background
 * colours the stylesheet combines reaches WCAG AA (4.5:1 for text, 3:1 for focus outlines), and
 * the dark colours chosen by the system match those chosen in the user menu.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const STYLESHEET = fs.readFileSync(path.join(import.meta.dirname, '../../web/src/styles.css'), 'utf8');

/** The custom properties declared in the first block that opens with `selector {`. */
function variablesOf(selector: string): Map<string, string> {
  const start = STYLESHEET.indexOf(`${selector} {`);
  assert.notEqual(start, -1, `styles.css has no "${selector}" block`);
  const body = STYLESHEET.slice(start + selector.length + 2, STYLESHEET.indexOf('}', start));
  const variables = new Map<string, string>();
  for (const match of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    variables.set(match[1] as string, (match[2] as string).trim());
  }
  return variables;
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  assert.ok(match, `${hex} is not a #rrggbb colour`);
  const channels = [0, 2, 4].map((at) => Number.parseInt((match[1] as string).slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const LIGHT = variablesOf(':root');
const DARK_CHOSEN = variablesOf(':root[data-theme="dark"]');
const DARK_SYSTEM = variablesOf(':root:not([data-theme="light"])');
const THEMES = {
  light: LIGHT,
  dark: new Map([...LIGHT, ...DARK_CHOSEN]),
};

// Text colour, then the backgrounds it is drawn on somewhere in the stylesheet.
const TEXT_ON: ReadonlyArray<[string, readonly string[]]> = [
  [
    '--text',
    [
      '--bg',
      '--surface',
      '--surface-raised',
      '--row-hover',
      '--accent-soft',
      '--neutral-soft',
      '--customer-bg',
      '--agent-bg',
      '--bot-bg',
      '--internal-bg',
      '--danger-soft',
    ],
  ],
  ['--muted', ['--bg', '--surface', '--surface-raised', '--neutral-soft', '--row-hover']],
  ['--accent', ['--bg', '--surface', '--surface-raised', '--accent-soft', '--agent-bg']],
  ['--accent-text', ['--accent']],
  ['--danger', ['--surface', '--danger-soft']],
  ['--success', ['--surface', '--success-soft']],
  ['--warning', ['--surface', '--warning-soft']],
  ['--info', ['--surface', '--info-soft']],
  ['--on-danger', ['--danger']],
  ['--on-success', ['--success']],
  ['--on-internal', ['--internal-border']],
  ['--bot-text', ['--bot-bg']],
];

describe('web themes', () => {
  for (const [theme, variables] of Object.entries(THEMES)) {
    it(`keeps every text colour of the ${theme} theme at 4.5:1 or more against its backgrounds`, () => {
      const failures: string[] = [];
      for (const [text, backgrounds] of TEXT_ON) {
        for (const background of backgrounds) {
          const ratio = contrast(variables.get(text) as string, variables.get(background) as string);
          if (ratio < 4.5) failures.push(`${text} on ${background}: ${ratio.toFixed(2)}:1`);
        }
      }
      assert.deepEqual(failures, []);
    });

    it(`keeps the focus outline of the ${theme} theme visible at 3:1 or more`, () => {
      for (const background of ['--bg', '--surface', '--surface-raised']) {
        const ratio = contrast(variables.get('--focus') as string, variables.get(background) as string);
        assert.ok(ratio >= 3, `--focus on ${background}: ${ratio.toFixed(2)}:1`);
      }
    });
  }

  it('uses the same dark colours whether the system or the user menu chose the dark theme', () => {
    assert.deepEqual(DARK_SYSTEM, DARK_CHOSEN);
  });

  it('sets no fixed text colour that would ignore the theme', () => {
    const fixed = [...STYLESHEET.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3,8})\b/gi)].map((m) => m[0]);
    assert.deepEqual(fixed, []);
  });
});
