// A fast generator of earlier cases for the growth figures: rows go straight into intake's
// `intake_case` with `insert … select … from generate_series` (no events: they stand for a
// history that every other service has long absorbed). Spread over the last 365 days, so a
// 30-day repeat window holds about a twelfth of them; 8 topics, 5,000 projects, 200,000
// addresses, a distinct phone each; all completed.
//   node bench/generate-cases.mjs <postgres-url-of-intake> <total>   (tops the table up to <total>)
import pg from 'pg';

const TOPICS = ['物业', '延期交房', '购房退费', '施工', '供暖', '噪音', '停车', '绿化'];
const CHUNK = 100_000;

/** Adds generated cases until intake_case holds `total` rows; returns how many were added and how long it took. */
export async function generateCases(url, total, { log = () => {} } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const have = Number((await client.query('select count(*) as n from intake_case')).rows[0].n);
    // Numbering continues after earlier generated rows, so external numbers never collide.
    const start = Number(
      (await client.query(`select coalesce(max(substring(external_no from 5)::bigint), 0) as n from intake_case where external_no like 'GEN-%'`)).rows[0].n,
    );
    let added = 0;
    while (have + added < total) {
      const n = Math.min(CHUNK, total - have - added);
      const from = start + added + 1;
      await client.query(
        `
        insert into intake_case (id, external_no, channel, title, content, search_text, request_type, topic, urgency, tier, stage,
          received_at, completed_at, citizen_name, citizen_phone, address, project_name, street, created_at, updated_at)
        select gen_random_uuid(), 'GEN-' || g, 'import',
          '历史诉求' || g, '历史工单内容：' || ($3::text[])[1 + g % 8] || '问题，编号' || g,
          '历史诉求' || g || E'\n' || '历史工单内容：' || ($3::text[])[1 + g % 8] || '问题，编号' || g,
          'complaint', ($3::text[])[1 + g % 8], 'normal', 'general', 'completed',
          t, t + interval '5 days', '市民', '13' || lpad((g % 1000000000)::text, 9, '0'),
          '北京市经济技术开发区历史路' || (g % 200000) || '号', '历史小区' || (g % 5000), '荣华街道', t, t
        from (select g, now() - (random() * interval '365 days') as t from generate_series($1::bigint, $2::bigint) as g) s`,
        [from, from + n - 1, TOPICS],
      );
      added += n;
      log(`  generated ${have + added} / ${total} cases`);
    }
    // The steady state of a table that has held this history for months: vacuumed (visibility map
    // and hint bits set) and analyzed. Without it, the first runs after a bulk load pay for
    // autovacuum's insert-triggered pass and the first readers' hint-bit writes (seen: 100 → 114
    // receives/s over three runs after 1,000,000 rows), which is the load, not the size.
    await client.query('vacuum (analyze) intake_case');
    return { before: have, added, ms: performance.now() - t0 };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, total] = process.argv.slice(2);
  if (!url || !total) {
    console.error('usage: node bench/generate-cases.mjs <postgres-url> <total>');
    process.exit(2);
  }
  const r = await generateCases(url, Number(total), { log: console.log });
  console.log(`added ${r.added} cases in ${(r.ms / 1000).toFixed(1)} s`);
}
