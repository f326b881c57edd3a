// UI test in a real browser: the packaged .vsix installed into code-server (VS Code 1.96.4) with its own CLI,
// Debian Chromium driven by playwright-core, checks what a person sees: coloured entity spans, the hover
// widget, the Problems panel, a quick fix from the light-bulb menu, the file saved to disk.
// Screenshots: test-output/ui-hover.png (colours, hover, Problems panel), ui-annotate.png, ui-before-fix.png, ui-quickfix-menu.png,
// ui-after-fix.png
// (+ ui-failure.png); SCREENSHOT=1 copies ui-hover.png to images/screenshot.png for the README.
// Usage (repo root, after npm run package): node test/e2e/ui.mjs     Env: KEEP=1, E2E_DIR, SCREENSHOT=1 (copy to images/)
import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURE,
  GOLD,
  OUTPUT,
  ROOT,
  VSIX,
  cleanup,
  codeServerCli,
  isolatedEnv,
  launchChromium,
  log,
  missingTools,
  scratch,
  startCodeServer,
  summary,
  waitUntil,
  writeUserSettings,
} from './lib.mjs';

const missing = missingTools(['code-server', 'chromium', 'vsix']);
if (missing.length) {
  console.error(`ui suite cannot run, missing:\n  ${missing.join('\n  ')}`);
  summary(0, 1);
  process.exit(1);
}

const dir = scratch('ui');
const d = Object.fromEntries(['ud', 'exts', 'ws', 'chrome'].map((k) => [k, path.join(dir, k)]));
Object.values(d).forEach((p) => fs.mkdirSync(p, { recursive: true }));
const original = fs.readFileSync(FIXTURE, 'utf8');
const originalLines = original.split('\n');
const gold = JSON.parse(fs.readFileSync(GOLD, 'utf8'));
const contentLines = gold.content.map((n) => originalLines[n - 1]);
const SITE_TITLE = originalLines[12]; // 1-based line 13, repeated on line 27
const articleFile = path.join(d.ws, 'seed.news.txt');
fs.writeFileSync(articleFile, original);
// The colour check reads the first lines of the sample, one sentence per line so that every span is on screen.
const COLOURS_FILE = 'colours.news.txt';
fs.writeFileSync(
  path.join(d.ws, COLOURS_FILE),
  `${originalLines
    .slice(0, 9)
    .join('\n')
    .replace(/。(?!\n)/g, '。\n')}\n`,
);
const USER_SETTINGS = { 'editor.wordWrap': 'off', 'files.autoSave': 'off' };
writeUserSettings(d.ud, USER_SETTINGS);
fs.mkdirSync(OUTPUT, { recursive: true });
const env = isolatedEnv(dir);
const csArgs = ['--user-data-dir', d.ud, '--extensions-dir', d.exts, '--disable-telemetry'];

const results = [];
let passed = 0;
let failed = 0;
/** One named check: a failure is recorded with its message and the run goes on where it can. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    passed++;
    results.push(name);
    console.log(`ok   - ${name}${detail ? `: ${detail}` : ''} (${Date.now() - t} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAIL - ${name}: ${String(e.message).split('\n').slice(0, 6).join('\n       ')}`);
    return false;
  }
}
const assert = (cond, msg) => {
  if (!cond) throw new Error(msg);
};
const shot = (page, name) => page.screenshot({ path: path.join(OUTPUT, name) }).then(() => log(`screenshot test-output/${name}`));

let page;
try {
  await check('the .vsix installs with code-server --install-extension', async () => {
    codeServerCli([...csArgs, '--install-extension', VSIX], env);
    const list = codeServerCli([...csArgs, '--list-extensions', '--show-versions'], env).trim();
    assert(/^news-annotator\.news-annotator@/m.test(list), `installed: ${list}`);
    return list;
  });

  const cs = await startCodeServer({ dir, userDataDir: d.ud, extensionsDir: d.exts, folder: d.ws, env });
  log(`code-server up on :${cs.port}`);
  const browser = await launchChromium(d.chrome, env);
  page = browser.pages()[0] ?? (await browser.newPage());
  // a broken product should fail each check within seconds, not the 30 s default
  page.setDefaultTimeout(10_000);
  // the first load compiles the workbench: on a loaded machine it takes longer than the per-check default
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(d.ws)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('treeitem', { name: 'seed.news.txt' }).click({ timeout: 60_000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line').first().waitFor();
  log('article open');

  /** The spans of the rendered line that contains `needle`, with their computed colours. */
  const spansOf = (needle) =>
    page.evaluate((n) => {
      const line = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')].find((e) =>
        e.textContent.replace(/\u00a0/g, ' ').includes(n),
      );
      return line
        ? [...line.querySelectorAll('span > span')].map((s) => ({
            text: s.textContent.replace(/\u00a0/g, ' '),
            cls: s.className,
            color: getComputedStyle(s).color,
          }))
        : [];
    }, needle);
  /** An entity span and its neighbours: coloured when its colour differs from the text just around it. */
  const colouring = async (lineNeedle, entity) => {
    const spans = await spansOf(lineNeedle);
    const i = spans.findIndex((s) => s.text === entity);
    if (i < 0) return { ok: false, spans };
    const neighbours = [spans[i - 1], spans[i + 1]].filter(Boolean);
    return { ok: neighbours.length > 0 && neighbours.every((s) => s.color !== spans[i].color), entity: spans[i], neighbours, spans };
  };
  const headline = originalLines[0];
  const lede = originalLines[4];

  await check('diagnostics are drawn as squiggles in the editor', async () => {
    await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ timeout: 30_000 });
    return `${await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').count()} squiggles in view`;
  });

  let person;
  await check('semantic colouring: 普京 (person) has its own colour, unlike the text around it', async () => {
    person = await waitUntil(
      () => colouring(headline.slice(0, 8), '普京'),
      (r) => r.ok,
      { timeout: 20_000, what: '普京 coloured' },
    );
    return `${person.entity.color} vs ${person.neighbours.map((n) => `"${n.text.slice(0, 4)}" ${n.color}`).join(', ')}`;
  });
  await check('semantic colouring: 美國 (location) and 7月3日 (date) are coloured too, location unlike person', async () => {
    const loc = await waitUntil(
      () => colouring(lede.slice(0, 12), '美國'),
      (r) => r.ok,
      { timeout: 10_000, what: '美國 coloured' },
    );
    const spans = await spansOf(lede.slice(0, 12));
    const date = spans.find((s) => s.text.includes('7月3日'));
    const plain = spans.find((s) => s.text.includes('總統'));
    assert(date && plain && date.color !== plain.color, `7月3日 not coloured: ${JSON.stringify(spans.slice(0, 12))}`);
    assert(loc.entity.color !== person.entity.color, `location and person share ${loc.entity.color}`);
    return `location ${loc.entity.color}, date ${date.color}, plain ${plain.color}`;
  });

  await check('the Problems panel lists the boilerplate with source and code', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'boilerplate.' }).first().waitFor({ timeout: 15_000 });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const ours = texts.filter((t) => t.includes('news-annotator') && /boilerplate\.[a-z-]+/.test(t));
    assert(ours.length >= 3, `rows: ${JSON.stringify(texts)}`);
    assert(
      ours.some((t) => t.includes('boilerplate.site-title') && t.includes('[Ln 13')),
      `no site-title row on line 13: ${JSON.stringify(ours)}`,
    );
    const header = texts.find((t) => t.includes('seed.news.txt')) ?? '';
    return `${header} | ${ours[0]}`;
  });
  await check('hover on 普京 shows the entity card', async () => {
    const span = editor.locator('.view-line span > span', { hasText: /^普京$/ }).first();
    await span.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: '普京' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const text = (await hover.innerText()).trim().replace(/\s+/g, ' ');
    assert(/Person/.test(text), `hover text: ${text}`);
    // the widget fades in: wait until it is opaque so the screenshot shows it clearly
    await waitUntil(
      () => hover.evaluate((e) => getComputedStyle(e.closest('.monaco-hover')).opacity),
      (o) => o === '1',
      { timeout: 3000, what: 'hover opaque' },
    ).catch(() => {});
    await shot(page, 'ui-hover.png');
    return JSON.stringify(text.slice(0, 160));
  });
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');

  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 200, y: 5 } });

  await check(
    'a person selects 塔斯社, presses Ctrl+K O: it turns from the media to the organisation colour and seed.news.ann appears',
    async () => {
      const annFile = articleFile.replace(/\.txt$/, '') + '.ann';
      const before = await waitUntil(
        () => colouring(lede.slice(0, 12), '塔斯社'),
        (r) => r.ok,
        { timeout: 10_000, what: '塔斯社 coloured' },
      );
      assert(!fs.existsSync(annFile), 'an .ann before any review');
      // select the name the way a person would without a mouse: find it, close the find widget (the match stays selected)
      // the editor has the focus (clicked above); Ctrl+F opens its find widget
      await page.keyboard.press('Control+F');
      await page.keyboard.type('塔斯社');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('o');
      const ann = await waitUntil(
        () => (fs.existsSync(annFile) ? fs.readFileSync(annFile, 'utf8') : ''),
        (t) => /\tORG \d+ \d+\t塔斯社/.test(t),
        { timeout: 10_000, what: 'seed.news.ann with 塔斯社 as ORG' },
      );
      const after = await waitUntil(
        () => colouring(lede.slice(0, 12), '塔斯社'),
        (r) => r.ok && r.entity.color !== before.entity.color,
        { timeout: 10_000, what: '塔斯社 recoloured' },
      );
      await shot(page, 'ui-annotate.png');
      return `${before.entity.color} -> ${after.entity.color}; ${ann.split('\n')[0]}`;
    },
  );

  await shot(page, 'ui-before-fix.png');

  await check('quick fix from the light-bulb menu (Ctrl+., Enter) removes the site-title block', async () => {
    // go to line 13 (the first site-title block) with the keyboard, then open the quick-fix menu
    await page.keyboard.press('Control+G');
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Period');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 10_000 });
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    const wanted = rows.filter({ hasText: /^Remove this .*block/ }).first();
    assert(await wanted.count(), `no "Remove this … block" in the menu: ${JSON.stringify(titles)}`);
    // mouse clicks are intercepted by a pointer-block overlay: choose with the keyboard like a user would
    for (let i = 0; i < 10 && !(await wanted.evaluate((e) => e.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
    const chosen = (await wanted.innerText()).trim();
    await shot(page, 'ui-quickfix-menu.png');
    await page.keyboard.press('Enter');
    // The edit has landed when the editor tab turns dirty (the second title, line 27, may be off screen, so
    // counting visible lines alone could pass before anything changed).
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ timeout: 10_000 });
    const lineAt13 = () => page.evaluate(() => document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '');
    await waitUntil(lineAt13, (t) => t.replace(/\u00a0/g, ' ').split(SITE_TITLE).length - 1 <= 1, {
      timeout: 10_000,
      what: 'at most one site-title line on screen',
    });
    await page.keyboard.press('Control+S');
    // Saved when the tab is clean again; a read while code-server is still writing can see a partial file.
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 });
    const onDisk = await waitUntil(
      () => fs.readFileSync(articleFile, 'utf8'),
      (t) => t !== original && t === fs.readFileSync(articleFile, 'utf8'),
      { timeout: 10_000, what: 'the file saved' },
    );
    const diskLines = onDisk.split('\n');
    assert(diskLines.filter((l) => l === SITE_TITLE).length === 1, 'file on disk still has both site-title lines');
    const lost = contentLines.filter((l) => !diskLines.includes(l));
    assert(lost.length === 0, `article lines lost: ${JSON.stringify(lost.map((l) => l.slice(0, 30)))}`);
    assert(diskLines.length >= originalLines.length - 3, `removed ${originalLines.length - diskLines.length} lines`);
    return `"${chosen}" of ${JSON.stringify(titles)}; file now ${diskLines.length} lines (was ${originalLines.length})`;
  });
  await shot(page, 'ui-after-fix.png');

  // Colours, read from screenshot pixels in the two default themes: the five token types and the headline must be
  // told apart by colour alone. Each span is cut out of a screenshot, and its ink colour is the most common colour
  // among the pixels farthest from the background (the full-coverage glyph strokes, free of anti-aliasing).
  const inkOf = async (box) => {
    const png = await page.screenshot({ clip: box });
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, img.width, img.height).data;
      const counts = new Map();
      for (let i = 0; i < px.length; i += 4) {
        const k = `${px[i]},${px[i + 1]},${px[i + 2]}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const bg = [...counts]
        .sort((a, b) => b[1] - a[1])[0][0]
        .split(',')
        .map(Number);
      const dist = (c) => Math.hypot(c[0] - bg[0], c[1] - bg[1], c[2] - bg[2]);
      const colours = [...counts.keys()].map((k) => k.split(',').map(Number));
      const far = Math.max(...colours.map(dist));
      const ink = [...counts].filter(([k]) => dist(k.split(',').map(Number)) >= far * 0.85).sort((a, b) => b[1] - a[1])[0][0];
      return { ink: ink.split(',').map(Number), bg };
    }, png.toString('base64'));
  };
  /** The on-screen box of the first rendered span whose text is `text` (mode 'exact'), starts with it or includes it. */
  const boxOf = (text, mode = 'exact') =>
    page.evaluate(
      ({ text, mode }) => {
        const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span > span')];
        const span = spans.find((s) => {
          const t = s.textContent.replace(/\u00a0/g, ' ');
          return mode === 'prefix' ? t.startsWith(text) : mode === 'includes' ? t.includes(text) : t === text;
        });
        if (!span) return null;
        const r = span.getBoundingClientRect();
        return { x: r.x, y: r.y, width: Math.min(r.width, 120), height: r.height };
      },
      { text, mode },
    );
  const TARGETS = [
    ['person', '普京'],
    ['organization', '美國國會'],
    ['location', '美國'],
    // not 塔斯社: the annotation check above has just relabelled it as an organisation
    ['media', '觀察者網'],
    ['date', '7月3日', 'includes'],
    ['headline', '通電話,還計劃', 'prefix'],
    ['plain text', '總統'],
  ];
  const ENGLISH = { 'Default Dark Modern': 'vs-dark', 'Default Light Modern': 'vs' };
  // CIELAB distance (ΔE76): about 2.3 is just noticeable; under 25 two small CJK glyphs read as the same colour (Dark
  // Modern's old pairing of date #B5CEA8 with organisation #DCDCAA is 13, its headline #569CD6 beside places #4FC1FF 15).
  const MIN_DELTA_E = 25;
  const toLab = ([r, g, b]) => {
    const lin = (c) => ((c /= 255) > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92);
    const [R, G, B] = [lin(r), lin(g), lin(b)];
    const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
    const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
    const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const deltaE = (a, b) => Math.hypot(...toLab(a).map((v, i) => v - toLab(b)[i]));
  for (const [theme, cls] of Object.entries(ENGLISH)) {
    await check(
      `colours: the five types, the headline and plain text are seven distinct colours in ${theme} (screenshot pixels)`,
      async () => {
        if (!(await page.locator(`.monaco-workbench.${cls}`).count())) {
          // as a user would: Ctrl+K Ctrl+T (Preferences: Color Theme), type the name, Enter
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+T');
          // the picker labels the theme "Light Modern"; settings call it "Default Light Modern"
          const label = theme.replace(/^Default /, '');
          await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
          await page.keyboard.type(label);
          await page.keyboard.press('Enter');
          await page.locator(`.monaco-workbench.${cls}`).waitFor({ timeout: 15_000 });
        }
        if (!(await page.locator('.tab', { hasText: COLOURS_FILE }).count())) {
          await page.getByRole('treeitem', { name: COLOURS_FILE }).click();
        }
        const inks = {};
        for (const [name, text, mode] of TARGETS) {
          const box = await waitUntil(
            () => boxOf(text, mode),
            (b) => !!b && b.width > 4,
            { timeout: 20_000, what: `${text} rendered` },
          );
          inks[name] = (await inkOf(box)).ink;
        }
        await waitUntil(
          async () => (await inkOf(await boxOf('普京'))).ink.join(),
          (c) => c !== inks['plain text'].join(),
          { timeout: 20_000, what: '普京 coloured' },
        );
        const close = [];
        const names = Object.keys(inks);
        for (let i = 0; i < names.length; i++) {
          for (let j = i + 1; j < names.length; j++) {
            const [a, b] = [inks[names[i]], inks[names[j]]];
            const dist = deltaE(a, b);
            if (dist < MIN_DELTA_E) close.push(`${names[i]} ${a} ~ ${names[j]} ${b} (ΔE ${dist.toFixed(0)})`);
          }
        }
        await shot(page, `ui-colours-${cls}.png`);
        const shown = names.map((n) => `${n} rgb(${inks[n]})`).join(', ');
        assert(close.length === 0, `colours too close in ${theme}: ${close.join('; ')} — all: ${shown}`);
        return shown;
      },
    );
  }

  await check('the Getting Started walkthrough opens from the palette (News: Get Started)', async () => {
    await page.keyboard.press('F1');
    await page.keyboard.type('News: Get Started');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started' }).first().waitFor();
    await page.keyboard.press('Enter');
    const title = page.locator('.gettingStartedContainer').getByText('Get started with News Annotator').first();
    await title.waitFor({ timeout: 20_000 });
    const steps = await page.locator('.gettingStartedContainer .getting-started-step').allInnerTexts();
    await shot(page, 'ui-walkthrough.png');
    assert(
      steps.some((t) => t.includes('Open a sample article')),
      `steps: ${JSON.stringify(steps.map((t) => t.slice(0, 30)))}`,
    );
    return `${steps.length} steps`;
  });
} catch (e) {
  failed++;
  console.log(`FAIL - ui suite aborted: ${e.stack ?? e}`);
  if (page) await shot(page, 'ui-failure.png').catch(() => {});
} finally {
  await cleanup();
}

if (failed === 0 && process.env.SCREENSHOT) {
  fs.mkdirSync(path.join(ROOT, 'images'), { recursive: true });
  fs.copyFileSync(path.join(OUTPUT, 'ui-hover.png'), path.join(ROOT, 'images/screenshot.png'));
  log('copied test-output/ui-hover.png to images/screenshot.png');
}
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
summary(passed, failed);
process.exit(failed ? 1 : 0);
