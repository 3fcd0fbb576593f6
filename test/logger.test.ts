import { expect } from 'chai';
import { maskPhone, describeText } from '../src/logger.js';

describe('logger helpers', () => {
  it('masks phone numbers', () => {
    expect(maskPhone('+15551230123')).to.equal('+1555***0123');
    expect(maskPhone('12345')).to.equal('***45');
    expect(maskPhone(undefined)).to.equal('(none)');
  });

  it('summarises bodies instead of logging them', () => {
    expect(describeText('hello 👋')).to.equal('7 chars');
  });
});
