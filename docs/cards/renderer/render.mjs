// Renders every card of bot/src/test/resources/golden/*.json with Microsoft's adaptivecards renderer in headless
// Chromium (Debian's /usr/bin/chromium) and writes docs/cards/<name>.png. Offline: nothing is fetched at run time.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const goldenDir = join(repo, 'bot', 'src', 'test', 'resources', 'golden');
const outDir = join(here, '..');
const renderer = readFileSync(join(here, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'), 'utf8');
const markdown = readFileSync(join(here, 'node_modules', 'markdown-it', 'dist', 'markdown-it.min.js'), 'utf8');

// Teams-like look: Segoe-ish font, Teams purple accents, light theme.
const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' },
      accent: { default: '#5B5FC7', subtle: '#5B5FC7' }, good: { default: '#0E700E' }, warning: { default: '#8A3707' },
      attention: { default: '#C4314B' } } },
    emphasis: { backgroundColor: '#F5F5F5' }
  },
  actions: { actionsOrientation: 'horizontal', buttonSpacing: 8, maxActions: 6, showCard: { actionMode: 'inline' } }
};

const page = (card) => `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #EBEBEB; font-family: 'Segoe UI', Arial, sans-serif; }
  #card { width: 420px; background: #fff; border-radius: 6px; padding: 12px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  .ac-pushButton { background: #fff; border: 1px solid #D1D1D1; border-radius: 4px; padding: 6px 12px; font-weight: 600;
    font-family: inherit; color: #242424; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; }
  .ac-input { font-family: inherit; padding: 4px 6px; border: 1px solid #D1D1D1; border-radius: 4px; }
</style><script>${renderer}</script><script>${markdown}</script></head><body><div id="card"></div><script>
  // Teams renders a subset of markdown in TextBlocks: do the same
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = window.markdownit().render(text);
    result.didProcess = true;
  };
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig)});
  card.parse(${JSON.stringify(card)});
  document.getElementById('card').appendChild(card.render());
</script></body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
});
const names = readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort();
for (const file of names) {
  const tab = await browser.newPage({ viewport: { width: 480, height: 400 }, deviceScaleFactor: 2 });
  tab.on('pageerror', (e) => console.log(file + ': page error: ' + e.message));
  await tab.route('**/*', (route) => route.abort());
  const json = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
  const card = json.type === 'AdaptiveCard' ? json : (json.content ?? json);
  await tab.setContent(page(card));
  const png = await tab.locator('#card').screenshot();
  const out = join(outDir, basename(file, '.json') + '.png');
  writeFileSync(out, png);
  await tab.close();
  console.log('wrote', out);
}
await browser.close();
