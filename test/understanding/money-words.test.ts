import { expect } from 'chai';
import { moneyWordsToDigits, spokenPricesToDigits } from '../../src/understanding/money-words.js';
import { normalizeText } from '../../src/understanding/normalize.js';

describe('understanding: amounts of money said in words', () => {
  it('turns amounts next to a money word into digits, cents included', () => {
    const cases: [string, string][] = [
      ['forty two dollars and fifteen cents', '42.15 dollars'],
      ['eleven bucks and five cents for socks', '11.05 bucks for socks'],
      ['$3 and 75 cents', '$3.75'],
      ['a dollar and ten cents', '1.10 dollar'],
      ['six dollars eighty on the bus', '6.80 dollars on the bus'],
      ['a hundred and twenty dollars', '120 dollars'],
      ['ninety nine cents', '99 cents'],
      ['twenty euros', '20 euros'],
      ['a forty dollar gift card', 'a 40 dollar gift card'],
    ];
    for (const [said, digits] of cases) expect(moneyWordsToDigits(said), said).to.equal(digits);
  });

  it('leaves counts, times and lone number words alone', () => {
    for (const text of ['twenty minutes', 'at nine thirty', 'buy three stamps', 'one more thing', 'five people for dinner']) {
      expect(moneyWordsToDigits(text), text).to.equal(text);
    }
  });

  it('reads a price said aloud only after a spending word', () => {
    const cases: [string, string][] = [
      ['spent eleven forty on a burrito', 'spent 11.40 on a burrito'],
      ['the tickets cost fifty two seventy five', 'the tickets cost 52.75'],
      ['bought socks for six oh nine', 'bought socks for 6.09'],
      ['paid seventeen thirty for parking', 'paid 17.30 for parking'],
      ['spent twenty five on pizza', 'spent twenty five on pizza'],
      ['meet at nine fifty', 'meet at nine fifty'],
      ['dinner for nine thirty', 'dinner for nine thirty'],
      ['spent nine thirty minutes waiting', 'spent nine thirty minutes waiting'],
    ];
    for (const [said, digits] of cases) expect(spokenPricesToDigits(said), said).to.equal(digits);
  });

  it('reads a price said alone when asked to, but not a time', () => {
    const anywhere = (text: string) => spokenPricesToDigits(text, { anywhere: true });
    expect(anywhere('muffin two seventy five')).to.equal('muffin 2.75');
    expect(anywhere('muffin twenty five')).to.equal('muffin twenty five');
    expect(anywhere('call at six forty')).to.equal('call at six forty');
    expect(anywhere('tonight eight fifteen')).to.equal('tonight eight fifteen');
  });

  it('is part of normalising a text, so every reader sees the digits', () => {
    expect(normalizeText('log thirty dollars and ten cents for lunch')).to.equal('log 30.10 dollars for lunch');
  });
});
