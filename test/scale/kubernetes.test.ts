import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * The Kubernetes manifests of docs/scale-out.md, checked without a cluster:
 * each against the Kubernetes API's JSON Schema (kubernetes-models' validators,
 * compiled from the API's OpenAPI document: types, enums, required fields),
 * then as one whole: the Indexed Job's shards and the merge on one volume,
 * and their command lines played by motiv with the pods' index and paths.
 */
const DEPLOY = join(ROOT, 'deploy/kubernetes');
const manifest = (file: string) => parse(readFileSync(join(DEPLOY, file), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'motiv-kubernetes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Container = { args: string[]; workingDir?: string; volumeMounts: { name: string; mountPath: string }[] };
type Volume = { name: string; persistentVolumeClaim?: { claimName: string }; configMap?: { name: string } };
const podOf = (job: { spec: { template: { spec: { containers: Container[]; volumes: Volume[] } } } }) => job.spec.template.spec;

/** where a container mounts the volume of a claim */
function claimMount(pod: { containers: Container[]; volumes: Volume[] }, claim: string): string {
  const volume = pod.volumes.find((v) => v.persistentVolumeClaim?.claimName === claim);
  expect(volume, `a volume of claim ${claim}`).toBeDefined();
  const mount = pod.containers[0].volumeMounts.find((m) => m.name === volume!.name);
  expect(mount, `a mount of volume ${volume!.name}`).toBeDefined();
  return mount!.mountPath;
}

describe('deploy/kubernetes', () => {
  it('every manifest is valid against the Kubernetes schema of its kind', () => {
    const files = readdirSync(DEPLOY).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(['merge-job.yaml', 'parts-pvc.yaml', 'shards-job.yaml']);
    for (const file of files) {
      const m = manifest(file);
      const model = m.kind === 'Job' ? new Job(m) : m.kind === 'PersistentVolumeClaim' ? new PersistentVolumeClaim(m) : undefined;
      expect(model, `${file}: a Job or a PersistentVolumeClaim`).toBeDefined();
      expect(() => model!.validate(), file).not.toThrow();
    }
  });

  it('the schema catches a mistake: a completion mode Kubernetes does not have, a count that is not a number', () => {
    const job = manifest('shards-job.yaml');
    expect(() => new Job({ ...job, spec: { ...job.spec, completionMode: 'Indexd' } }).validate()).toThrow(/completionMode must be equal to one of the allowed values/);
    expect(() => new Job({ ...job, spec: { ...job.spec, completions: 'four' } }).validate()).toThrow(/completions must be integer/);
  });

  it('shards as an Indexed Job whose pod I plays --shard I/N into the claim the merge reads, N times', () => {
    const claim = manifest('parts-pvc.yaml').metadata.name;
    const shards = manifest('shards-job.yaml');
    const merge = manifest('merge-job.yaml');
    const n = shards.spec.completions;
    expect(shards.spec.completionMode).toBe('Indexed');
    expect(shards.spec.parallelism).toBeLessThanOrEqual(n);
    const args: string[] = podOf(shards).containers[0].args;
    const parts = claimMount(podOf(shards), claim);
    expect(args[args.indexOf('--shard') + 1]).toBe(`$(JOB_COMPLETION_INDEX)/${n}`);
    expect(args[args.indexOf('--out') + 1]).toBe(`${parts}/part-$(JOB_COMPLETION_INDEX)`);
    const mergeArgs: string[] = podOf(merge).containers[0].args;
    const read = claimMount(podOf(merge), claim);
    expect(mergeArgs.filter((a) => a.startsWith(`${read}/`))).toEqual(Array.from({ length: n }, (_, i) => `${read}/part-${i}`));
  });

  it("the pods' command lines, played by motiv with their index and paths, merge to one machine's output", async () => {
    const shards = manifest('shards-job.yaml');
    const merge = manifest('merge-job.yaml');
    const n: number = shards.spec.completions;
    // the ConfigMap motiv-inputs, as the comment in shards-job.yaml makes it
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    for (const f of ['schemes/radio-territory.yaml', 'scenarios/radio.yaml']) cpSync(join(ROOT, f), join(inputs, f.split('/')[1]));
    const parts = join(dir, 'parts');
    /** a pod's arguments on this machine: its index, and the volume here */
    const placed = (args: string[], index: number) => args.map((a) => a.replaceAll('$(JOB_COMPLETION_INDEX)', String(index)).replace(/^\/parts\//, `${parts}/`));
    /** a simulation kept short: 8 runs of 2 months */
    const short = (args: string[]) => args.map((a, i) => (args[i - 1] === '--runs' ? '8' : a)).concat('--months', '2');
    const container = podOf(shards).containers[0];
    expect(container.workingDir).toBe('/inputs');
    for (let i = 0; i < n; i++) {
      const r = await runCli(short(placed(container.args, i)), { cwd: inputs });
      expect({ code: r.code, stderr: r.stderr }, `pod ${i}`).toEqual({ code: 0, stderr: '' });
    }
    const merged = await runCli(placed(podOf(merge).containers[0].args, 0), { cwd: dir });
    expect(merged.code).toBe(0);
    const unsharded = container.args.filter((a, i, all) => ![a, all[i - 1]].some((x) => x === '--shard' || x === '--out'));
    const one = await runCli([...short(unsharded), '--format', 'json'], { cwd: inputs });
    expect(merged.stdout).toBe(one.stdout);
  });
});
