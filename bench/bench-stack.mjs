// What the load benchmarks share: the whole system started for a run (infra/local, its own data
// folder, free ports, PostgreSQL with fsync on, the demo seed) and the work orders they receive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const RECEIVE = 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }';
const WAVE = { projectName: '林肯公园', address: '北京市经济技术开发区荣京东街3号院5号楼', topic: '物业' };

/**
 * Work orders as the district platform pushes them, numbered `<prefix>-<run tag>-<n>`: a distinct
 * caller and address each, or (`wave`) one more of a housing project's wave at `WAVE`.
 */
export function caseInputs(prefix) {
  let seq = 0;
  const tag = Date.now().toString(36);
  return (wave = false) => {
    const n = ++seq;
    return {
      externalNo: `${prefix}-${tag}-${n}`,
      channel: 'district',
      citizenName: '王先生',
      citizenPhone: `15${String(n).padStart(9, '0')}`,
      ...(wave ? WAVE : { address: `北京市经济技术开发区科创街${n}号`, projectName: `科创小区${n % 9973}`, topic: ['物业', '施工', '供暖', '噪音'][n % 4] }),
      street: '荣华街道',
      title: wave ? '小区电梯停运' : `反映小区问题${n % 97}`,
      content: wave
        ? '林肯公园5号楼电梯停运三天，老人上下楼困难，请尽快督促物业维修。'
        : `市民反映小区内${['电梯故障', '夜间施工噪音', '供暖不热', '垃圾清运不及时'][n % 4]}，已持续数日，希望有关部门尽快处理。`,
      requestType: 'complaint',
    };
  };
}

/**
 * The system of the checkout at `root`, started in a new temporary folder `hotline-<name>-*`
 * (removed again when the start fails). The caller stops it and removes `dataDir`.
 */
export async function startBenchStack(root, name, { progress = () => {}, env = {} } = {}) {
  const { startStack } = createRequire(path.join(root, 'bench', 'load.mjs'))('@hotline/local');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-${name}-`));
  const stack = await startStack({
    rootDir: root,
    dataDir,
    persistent: true,
    seedDemo: true,
    ports: 'free',
    installNats: false,
    progress,
    env: { LOG_LEVEL: 'warn', ...env },
  }).catch((e) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  return { stack, dataDir };
}
