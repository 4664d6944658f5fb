// glyphs.test.mjs: any script a learner types is drawn. Tokens named in Cyrillic, Chinese,
// Arabic (with vowel marks) and Devanagari, and dimension labels too: the page draws the characters its embedded
// face lacks with the browser's fonts, so on every step, at a desktop's size and a phone's, no
// character is drawn without a glyph (stats().missingGlyphs), each name's chip holds ink, and
// every Devanagari and Arabic word is drawn whole, shaped by the browser (stats().unshapedWords: runs drawn
// a letter at a time; "नमस्ते" so drawn shows its virama and vowel sign on dotted circles). A character no
// font has is counted, so the count can fail. Characters typed into a name field are drawn with
// their glyphs in the very frame that shows them. Screenshots go to the artifacts, to be looked at.
import { runTest, openPage, ready, settle, check, skipGuess, widget, artifactsDir, openSection, scrollToWidget } from './harness.mjs';
import path from 'node:path';

const NAMES = ['кот', '猫', 'سَلَام', 'नमस्ते', 'क्षत्रिय', 'هِيَ'];
const LABELS = ['живое', '动物', 'شُكْرًا', 'संख्या'];
const stats = (page) => page.evaluate(() => window.attentionTour.stats());

// The share of dark pixels inside a rectangle of the screen.
async function inkIn(page, r) {
  const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) dark++;
    return dark / (d.length / 4);
  }, png.toString('base64'));
}

await runTest('glyphs', async ({ browser, url }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, errors, context } = await openPage(browser, url, { viewport });
    await ready(page);
    const refused = await page.evaluate(([tokens, dimensionLabels]) =>
      window.attentionTour.setState({ preset: 'cat-mat', tokens, dimensionLabels, step: 1 }), [NAMES, LABELS]);
    check(!refused || !refused.error, `the names are taken: ${JSON.stringify(refused)}`);
    await settle(page);
    const state = await page.evaluate(() => window.attentionTour.getState());
    check(JSON.stringify(state.tokens) === JSON.stringify(NAMES), `the lesson keeps the names: ${state.tokens}`);
    // Each chip of the token strip holds its name's ink, not an empty box.
    for (let k = 0; k < NAMES.length; ++k) {
      const chip = await widget(page, `token[${k}]`);
      const ink = await inkIn(page, chip);
      check(ink > 0.01, `${viewport.width} px: the chip of "${NAMES[k]}" holds ink (${ink.toFixed(3)} dark)`);
      // and none of it reaches the chip's right edge (a name drawn wider than it was measured is
      // cut there, or spills past it)
      const edge = await inkIn(page, { x: chip.x + chip.w - 3, y: chip.y, w: 6, h: chip.h });
      check(edge === 0, `${viewport.width} px: "${NAMES[k]}" stays inside its chip (${edge.toFixed(3)} dark at its edge)`);
    }
    for (let step = 0; step < state.stepCount; ++step) {
      await page.evaluate((s) => window.attentionTour.setState({ step: s }), step);
      await settle(page);
      await skipGuess(page);
      await settle(page);
      const st = await stats(page);
      check(st.missingGlyphs === 0,
            `${viewport.width} px, step ${step + 1}: ${st.missingGlyphs} characters drawn without a glyph`);
      check(st.unshapedWords === 0,
            `${viewport.width} px, step ${step + 1}: ${st.unshapedWords} words drawn a letter at a time`);
      if (['tokens', 'softmax', 'linear', 'cross-attention'].includes((await page.evaluate(() =>
        window.attentionTour.getState().stepId))))
        await page.screenshot({ path: path.join(artifactsDir, `glyphs-${viewport.width}-step${step + 1}.png`) });
    }
    if (viewport.width === 1280) {
      // Typed, one new character at a time: every frame after each key shows it with its glyph.
      await page.evaluate(() => window.attentionTour.setState({ preset: 'three-tokens', step: 1 }));
      await settle(page);
      await openSection(page, 'settings');
      const field = await scrollToWidget(page, 'rename[1]', 250, 500);
      await page.mouse.dblclick(field.x + field.w / 2, field.y + field.h / 2);
      await page.waitForFunction(() => window.attentionTour.stats().textInput, null, { timeout: 20000, polling: 20 });
      for (const typed of ['ж', '猫', 'ש', 'ب']) {
        const watching = page.evaluate(() => new Promise((resolve) => {
          let most = 0, frames = 0;
          const look = () => {
            most = Math.max(most, window.attentionTour.stats().missingGlyphs);
            if (++frames < 20) requestAnimationFrame(look); else resolve(most);
          };
          requestAnimationFrame(look);
        }));
        await page.keyboard.type(typed);
        const most = await watching;
        check(most === 0, `typing "${typed}": no frame drew it without its glyph (${most})`);
      }
      await page.keyboard.press('Enter');
      await settle(page);
    }
    // A private-use character no font has: drawn as U+FFFD, and counted.
    await page.evaluate(() => window.attentionTour.setState({ preset: 'three-tokens', tokens: ['x\u{F0001}', '猫', 'سلام'], step: 1 }));
    await settle(page);
    await settle(page);
    const st = await stats(page);
    check(st.missingGlyphs > 0, `a character no font has is counted: ${st.missingGlyphs}`);
    check(errors.length === 0, `no errors: ${errors.join('; ')}`);
    await context.close();
  }
});
