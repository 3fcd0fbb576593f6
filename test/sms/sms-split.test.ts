import { expect } from 'chai';
import { countSegments, splitSms } from '../../src/channels/sms/sms-split.js';

describe('sms: segments and splitting', () => {
  it('counts GSM-7 messages in 160 / 153 septets', () => {
    expect(countSegments('')).to.deep.equal({ encoding: 'GSM-7', segments: 0 });
    expect(countSegments('a'.repeat(160))).to.deep.equal({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('a'.repeat(161)).segments).to.equal(2);
    expect(countSegments('a'.repeat(306)).segments).to.equal(2);
    expect(countSegments('a'.repeat(307)).segments).to.equal(3);
    expect(countSegments('Café £5 @ 10:00 — ok').encoding).to.equal('UCS-2'); // the em dash is not GSM
    expect(countSegments('Café £5 @ 10:00, ok').encoding).to.equal('GSM-7');
  });

  it('counts GSM-7 extension characters twice and never splits one', () => {
    expect(countSegments('€'.repeat(80)).segments).to.equal(1);
    expect(countSegments('€'.repeat(81)).segments).to.equal(2);
    // 152 plain + one € (2 septets) does not fit in the first 153-septet part
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`).segments).to.equal(2);
    // 306 septets would fit two parts, but the escape pair can't straddle them
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).to.equal(3);
  });

  it('counts UCS-2 messages in 70 / 67 code units, emoji taking two and never split', () => {
    expect(countSegments('🎉'.repeat(35))).to.deep.equal({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments('🎉'.repeat(36)).segments).to.equal(2);
    // 66 units then an emoji: the pair moves whole to the second part
    expect(countSegments(`${'ж'.repeat(66)}🎉${'ж'.repeat(66)}`).segments).to.equal(3);
    expect(countSegments(`Hi 👋`)).to.deep.equal({ encoding: 'UCS-2', segments: 1 });
  });

  it('keeps short replies whole and splits long ones at word boundaries, preferring 320 characters', () => {
    expect(splitSms('  short reply  ')).to.deep.equal(['short reply']);
    expect(splitSms('   ')).to.deep.equal([]);
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSms(words);
    expect(parts.every((p) => p.length <= 320)).to.equal(true);
    expect(parts.join(' ')).to.equal(words);
    expect(parts.every((p) => !p.startsWith(' ') && !p.endsWith(' '))).to.equal(true);
  });

  it('keeps a long link whole up to 1600 characters and cuts only beyond, without breaking an emoji', () => {
    const link = `https://example.com/${'x'.repeat(500)}`;
    expect(splitSms(`see ${link} now`)).to.deep.equal(['see', link, 'now']);
    const huge = '🎉'.repeat(1000); // 2000 code units, one "word"
    const parts = splitSms(huge);
    expect(parts.map((p) => p.length)).to.deep.equal([1600, 400]);
    expect(parts.join('')).to.equal(huge);
  });

  it('keeps line breaks inside a part', () => {
    const text = `Groceries:\n• milk\n• eggs\n${'and more '.repeat(40)}`;
    const [first] = splitSms(text);
    expect(first).to.match(/^Groceries:\n• milk\n• eggs\nand more/);
  });
});
