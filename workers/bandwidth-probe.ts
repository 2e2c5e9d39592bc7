/**
 * The bandwidth probe, in WebGPU, inside the engine worker (where web-llm's
 * GPU work runs): a large buffer-to-buffer copy and a compute pass that reads
 * a large buffer, each timed over several repetitions after a warm-up. The
 * arithmetic (buffer size, operations per repetition, GB/s, medians) is in
 * `src/core/speed/`; this module only drives the GPU.
 *
 * Timing: GPU timestamps written by two empty compute passes around the work
 * where the adapter has `timestamp-query` (and they read back as a positive
 * span), wall time from submit to `onSubmittedWorkDone` otherwise. The read
 * kernel is a few lines of WGSL (vec4 loads in a grid-stride loop, one XOR
 * per load, one u32 per invocation written so nothing is optimised away):
 * SwiftShader compiles large kernels very slowly. The source buffer holds a
 * pseudo-random pattern, not zeros, so no GPU can compress it.
 * Rejected: timing in the page (a second device beside web-llm's, in another
 * thread) and mapping buffers to the CPU (measures PCIe, not GPU memory).
 */
import { AppError } from '../src/core/errors';
import {
  copyBytesMoved,
  gbPerSecond,
  MIN_PROBE_BUFFER_BYTES,
  opsPerRepetition,
  probeBufferBytes,
  readBytesMoved,
  repetitionTargetMs,
  type BandwidthProbe,
  type ProbeProgress,
  type ProbeTiming,
} from '../src/core/speed/bandwidth';
import { measure } from '../src/core/speed/measure';

export interface ProbeOptions {
  /** Timed repetitions per measurement (after the warm-up). */
  repetitions?: number;
  onProgress?: (progress: ProbeProgress) => void;
  now?: () => number;
  /** Ignore the adapter's timestamps (to test the other timing). */
  timing?: ProbeTiming;
}

export const DEFAULT_PROBE_REPETITIONS = 5;
const WORKGROUP_SIZE = 256;
const MAX_WORKGROUPS = 1024;
const FILL_CHUNK_BYTES = 4 * 1024 * 1024;

const READ_SHADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read_write> sink: array<u32>;
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let stride = groups.x * ${WORKGROUP_SIZE}u;
  let count = arrayLength(&src);
  var acc = vec4<u32>(0u);
  for (var i = id.x; i < count; i += stride) { acc ^= src[i]; }
  sink[id.x] = acc.x ^ acc.y ^ acc.z ^ acc.w;
}`;

const unavailable = (detail: string): AppError =>
  new AppError('webgpu-unavailable', {
    message: `The bandwidth probe needs WebGPU: ${detail}`,
    action: 'Use a browser with WebGPU (recent Chrome or Edge); the Models screen says what this one lacks.',
  });

const outOfMemory = (): AppError =>
  new AppError('out-of-memory', {
    message: 'The GPU had no room for the probe’s buffers.',
    action: 'Unload the model on the Models screen, then probe again.',
  });

/** Creates a buffer, halving the size on out-of-memory down to the smallest worth timing. */
async function allocate(device: GPUDevice, wanted: number, usage: number): Promise<GPUBuffer> {
  for (let size = wanted; size >= MIN_PROBE_BUFFER_BYTES; size = Math.floor(size / 32) * 16) {
    device.pushErrorScope('out-of-memory');
    const buffer = device.createBuffer({ size, usage });
    if (!(await device.popErrorScope())) return buffer;
    buffer.destroy();
  }
  throw outOfMemory();
}

/** Fills a buffer with a fixed pseudo-random pattern (xorshift32), one chunk written many times. */
function fill(device: GPUDevice, buffer: GPUBuffer): void {
  const chunk = new Uint32Array(Math.min(FILL_CHUNK_BYTES, buffer.size) / 4);
  let x = 0x9e3779b9;
  for (let i = 0; i < chunk.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chunk[i] = x >>> 0;
  }
  for (let offset = 0; offset < buffer.size; offset += chunk.byteLength) {
    const bytes = Math.min(chunk.byteLength, buffer.size - offset);
    device.queue.writeBuffer(buffer, offset, chunk, 0, bytes / 4);
  }
}

interface Timer {
  timing: ProbeTiming;
  /** Runs the encoded work once and returns how long the GPU took, ms. */
  time(encode: (encoder: GPUCommandEncoder) => void): Promise<number>;
  destroy(): void;
}

function wallTimer(device: GPUDevice, now: () => number): Timer {
  return {
    timing: 'submitted-work-done',
    async time(encode) {
      const encoder = device.createCommandEncoder();
      encode(encoder);
      const started = now();
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
      return now() - started;
    },
    destroy() {},
  };
}

function timestampTimer(device: GPUDevice): Timer {
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
  const resolve = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
  });
  const read = device.createBuffer({ size: 16, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  return {
    timing: 'timestamp-query',
    async time(encode) {
      const encoder = device.createCommandEncoder();
      encoder.beginComputePass({ timestampWrites: { querySet, beginningOfPassWriteIndex: 0 } }).end();
      encode(encoder);
      encoder.beginComputePass({ timestampWrites: { querySet, endOfPassWriteIndex: 1 } }).end();
      encoder.resolveQuerySet(querySet, 0, 2, resolve, 0);
      encoder.copyBufferToBuffer(resolve, 0, read, 0, 16);
      device.queue.submit([encoder.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const [begin = 0n, end = 0n] = new BigUint64Array(read.getMappedRange().slice(0));
      read.unmap();
      return Number(end - begin) / 1e6;
    },
    destroy() {
      querySet.destroy();
      resolve.destroy();
      read.destroy();
    },
  };
}

async function openDevice(gpu: GPU | undefined, wantTimestamps: boolean) {
  if (!gpu) throw unavailable('this browser has no navigator.gpu.');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw unavailable('no adapter was offered.');
  const timestamps = wantTimestamps && adapter.features.has('timestamp-query');
  const requiredLimits = {
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
  };
  try {
    const device = await adapter.requestDevice({
      requiredFeatures: timestamps ? ['timestamp-query'] : [],
      requiredLimits,
    });
    return { adapter, device, timestamps };
  } catch (cause) {
    throw new AppError('webgpu-unavailable', {
      message: `The GPU refused a device for the probe: ${String(cause)}`,
      action: 'Reload the page; if it persists, check chrome://gpu.',
      cause,
    });
  }
}

export async function runBandwidthProbe(
  gpu: GPU | undefined,
  options: ProbeOptions = {},
): Promise<BandwidthProbe> {
  const now = options.now ?? (() => performance.now());
  const repetitions = Math.max(1, Math.round(options.repetitions ?? DEFAULT_PROBE_REPETITIONS));
  const started = now();
  const { adapter, device, timestamps } = await openDevice(gpu, options.timing !== 'submitted-work-done');
  const owned: { destroy(): void }[] = [];
  try {
    const report = (phase: ProbeProgress['phase'], done: number, total: number) =>
      options.onProgress?.({ phase, done, total });
    report('preparing', 0, 1);
    const size = probeBufferBytes(adapter.limits);
    const src = await allocate(
      device,
      size,
      GPUBufferUsage.COPY_SRC | GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    );
    owned.push(src);
    const dst = await allocate(device, src.size, GPUBufferUsage.COPY_DST);
    owned.push(dst);
    const bufferBytes = Math.min(src.size, dst.size);
    const groups = Math.min(MAX_WORKGROUPS, adapter.limits.maxComputeWorkgroupsPerDimension);
    const invocations = groups * WORKGROUP_SIZE;
    const sink = device.createBuffer({ size: invocations * 4, usage: GPUBufferUsage.STORAGE });
    owned.push(sink);
    fill(device, src);
    const module = device.createShaderModule({ code: READ_SHADER });
    const pipeline = await device.createComputePipelineAsync({
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: src, size: bufferBytes } },
        { binding: 1, resource: { buffer: sink } },
      ],
    });
    await device.queue.onSubmittedWorkDone();
    report('preparing', 1, 1);

    const copyOps = (count: number) => (encoder: GPUCommandEncoder) => {
      for (let i = 0; i < count; i++) encoder.copyBufferToBuffer(src, 0, dst, 0, bufferBytes);
    };
    const readOps = (count: number) => (encoder: GPUCommandEncoder) => {
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      for (let i = 0; i < count; i++) pass.dispatchWorkgroups(groups);
      pass.end();
    };

    // The first timed copy decides the timing: timestamps that read back as no time at all are not trusted.
    let timer: Timer = timestamps ? timestampTimer(device) : wallTimer(device, now);
    owned.push(timer);
    const firstCopy = await timer.time(copyOps(1));
    if (!(firstCopy > 0)) {
      timer = wallTimer(device, now);
      owned.push(timer);
    }
    const target = repetitionTargetMs(timer.timing);

    async function series(
      phase: 'copy' | 'read',
      ops: (count: number) => (encoder: GPUCommandEncoder) => void,
    ) {
      const total = repetitions + 2;
      report(phase, 0, total);
      const oneOp = await timer.time(ops(1));
      report(phase, 1, total);
      const count = opsPerRepetition(oneOp, target);
      await timer.time(ops(count));
      report(phase, 2, total);
      const times: number[] = [];
      for (let rep = 0; rep < repetitions; rep++) {
        times.push(await timer.time(ops(count)));
        report(phase, rep + 3, total);
      }
      return { count, times };
    }
    const copy = await series('copy', copyOps);
    const read = await series('read', readOps);
    return {
      bufferBytes,
      timing: timer.timing,
      copy: measure(copy.times.map((ms) => gbPerSecond(copy.count * copyBytesMoved(bufferBytes), ms))),
      read: measure(
        read.times.map((ms) => gbPerSecond(read.count * readBytesMoved(bufferBytes, invocations), ms)),
      ),
      opsPerRepetition: { copy: copy.count, read: read.count },
      durationMs: now() - started,
    };
  } finally {
    for (const thing of owned) thing.destroy();
    device.destroy();
  }
}
