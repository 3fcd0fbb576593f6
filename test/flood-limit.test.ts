import { expect } from 'chai';
import { createFloodLimit, FLOOD_NOTICE } from '../src/pipeline/flood-limit.js';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

describe('flood limit per sender', () => {
  beforeEach(resetDb);

  it('records every message but answers only the first N a minute, with one notice', async () => {
    const handle = makePipeline({ interceptors: [createFloodLimit(3)] });
    const replies: (string | null)[] = [];
    for (let i = 0; i < 6; i++) replies.push((await handle(consoleMessage(`help ${i}`))).reply);
    expect(replies.slice(0, 3).every((r) => r && r.length > 0)).to.equal(true);
    expect(replies[3]).to.equal(FLOOD_NOTICE);
    expect(replies.slice(4)).to.deep.equal([null, null]);
    expect(await sql('select id from conversation_messages where role = $1', ['user'])).to.have.length(6);
    const other = await handle(consoleMessage('help', { phone: '+15551230002' }));
    expect(other.reply).to.be.a('string').and.not.equal(FLOOD_NOTICE);
  });
});
