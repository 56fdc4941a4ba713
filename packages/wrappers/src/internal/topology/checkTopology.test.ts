import * as tf from '@tensorflow/tfjs';
import { checkTopology } from './checkTopology';
import { BUILTIN_LAYERS } from './layerFactory';
import { MODEL_ZOO, disposeFully } from '../../test-utils/modelZoo';
import { checkNoLeakPerTest } from '../../test-utils/backends';

tf.enableProdMode();

const noCustom = { isCustomLayer: () => false };

async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let art: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      art = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return art!;
}

type Spec = { name: string; shape: number[]; dtype: string; group?: string };

describe('checkTopology', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('covers every layer class tfjs-layers registers', () => {
    const map = tf.serialization.SerializationMap.getMap().classNameMap as unknown as Record<
      string,
      [unknown]
    >;
    const layerClasses = Object.keys(map).filter(
      (k) => (map[k]![0] as { prototype?: unknown }).prototype instanceof tf.layers.Layer,
    );
    expect(layerClasses.filter((k) => !BUILTIN_LAYERS.has(k))).toEqual([]);
    const covered = new Set(Object.values(MODEL_ZOO).flatMap((e) => e.covers));
    // RandomWidth's output shape is undefined in tfjs-layers 4.22: it is refused, tested below
    expect(
      layerClasses.filter(
        (k) => !covered.has(k) && k !== 'RandomWidth' && k !== 'Functional' && k !== 'Resizing',
      ),
    ).toEqual([]);
  });

  it.each(Object.keys(MODEL_ZOO))(
    'derives exactly the weights tfjs saves for the %s model',
    async (key) => {
      const model = MODEL_ZOO[key]!.build();
      const art = await artifactsOf(model);
      const specs = art.weightSpecs as Spec[];
      const report = checkTopology(art.modelTopology, specs, noCustom);
      expect(report).toEqual({ verified: specs.length, unverified: 0, layers: expect.any(Number) });
      expect(specs.length).toBeGreaterThan(0);
      disposeFully(model);
    },
  );

  describe('refuses', () => {
    let art: tf.io.ModelArtifacts;
    let specs: Spec[];
    beforeAll(async () => {
      const model = MODEL_ZOO.dense!.build();
      art = await artifactsOf(model);
      disposeFully(model);
      specs = art.weightSpecs as Spec[];
    });
    const topo = () => JSON.parse(JSON.stringify(art.modelTopology));
    const layerCfg = (t: any, i: number) => t.config.layers[i].config;
    const copySpecs = (): Spec[] => JSON.parse(JSON.stringify(specs));

    it('a Dense layer whose units were rewritten, naming the layer and both shapes', () => {
      const t = topo();
      layerCfg(t, 1).units = 1e8;
      expect(() => checkTopology(t, specs, noCustom)).toThrow(
        `layer '${layerCfg(t, 1).name}' (Dense) creates the weight '${layerCfg(t, 1).name}/kernel' with the shape [3,100000000], but the weight manifest gives it the shape [3,4]`,
      );
    });

    it('units that overflow and dimensions past 2^31', () => {
      const t = topo();
      layerCfg(t, 1).units = 2 ** 40;
      expect(() => checkTopology(t, specs, noCustom)).toThrow(
        /has units = 1099511627776, expected a positive integer/,
      );
      const t2 = topo();
      layerCfg(t2, 0).batch_input_shape = [null, 2 ** 30];
      layerCfg(t2, 1).units = 2 ** 30;
      expect(() => checkTopology(t2, specs, noCustom)).toThrow(
        /\[1073741824,1073741824\], whose size overflows/,
      );
    });

    it('a weight manifest whose specs were swapped within a layer', () => {
      const s = copySpecs();
      [s[0], s[1]] = [s[1]!, s[0]!];
      expect(() => checkTopology(topo(), s, noCustom)).toThrow(
        /\(Dense\): the weight manifest stores '.*\/bias' before '.*\/kernel', but the layer creates them in the other order/,
      );
    });

    it('a weight missing from, or extra in, the manifest', () => {
      expect(() => checkTopology(topo(), copySpecs().slice(1), noCustom)).toThrow(
        /creates the weight '.*\/kernel' with the shape \[3,4\], which the weight manifest does not have/,
      );
      const extra = [...copySpecs(), { name: 'intruder/kernel', shape: [2], dtype: 'float32' }];
      expect(() => checkTopology(topo(), extra, noCustom)).toThrow(
        "the weight manifest has the weight 'intruder/kernel' of shape [2], which no layer of the topology creates",
      );
    });

    it('a dtype that differs', () => {
      const s = copySpecs();
      s[1]!.dtype = 'int32';
      expect(() => checkTopology(topo(), s, noCustom)).toThrow(
        /as float32, but the weight manifest says int32/,
      );
    });

    it.each([
      [
        'Adam',
        /names the layer class 'Adam', which is neither a tfjs-layers layer nor a custom layer/,
      ],
      ['constructor', /names the layer class 'constructor'/],
      ['RandomWidth', /output shape is not defined in tfjs-layers 4.22/],
    ])('the class %p', (className, message) => {
      const t = topo();
      t.config.layers[2].class_name = className;
      if (className === 'RandomWidth') layerCfg(t, 2).factor = 0.5;
      expect(() => checkTopology(t, specs, noCustom)).toThrow(message);
    });

    it('more layers than the limit and nesting deeper than the limit', () => {
      const t = topo();
      const drop = t.config.layers[2];
      t.config.layers.splice(
        2,
        1,
        ...Array.from({ length: 6000 }, (_, i) => ({
          ...drop,
          config: { ...drop.config, name: `d${i}` },
        })),
      );
      expect(() => checkTopology(t, specs, noCustom)).toThrow(/it has more than 5000 layers/);
      let nested: any = topo();
      for (let i = 0; i < 40; i++)
        nested = { class_name: 'Sequential', config: { name: `s${i}`, layers: [nested] } };
      expect(() => checkTopology(nested, specs, noCustom)).toThrow(
        /is nested deeper than 32 levels/,
      );
    });

    it('a functional graph tfjs could never resolve (tfjs would loop forever)', async () => {
      const model = MODEL_ZOO.functional!.build();
      const a = await artifactsOf(model);
      disposeFully(model);
      const t = JSON.parse(JSON.stringify(a.modelTopology));
      t.config.layers[3].inbound_nodes[0][0][0] = 'nowhere';
      expect(() => checkTopology(t, a.weightSpecs as Spec[], noCustom)).toThrow(
        /layer graph cannot be built: a call of layer '.*' \(Add\) refers to a layer or call that never exists/,
      );
    });

    it("SeparableConv2D's depthMultiplier, which tfjs 4.22 does not save (tfjs fails on it after building)", async () => {
      const model = tf.sequential({
        layers: [
          tf.layers.separableConv2d({
            filters: 2,
            kernelSize: 2,
            depthMultiplier: 2,
            inputShape: [4, 4, 3],
          }),
        ],
      });
      const a = await artifactsOf(model);
      disposeFully(model);
      expect(() => checkTopology(a.modelTopology, a.weightSpecs as Spec[], noCustom)).toThrow(
        /depthwise_kernel' with the shape \[2,2,3,1\], but the weight manifest gives it the shape \[2,2,3,2\]/,
      );
    });

    it('a functional graph listed out of call order on purpose, whose resolution would be quadratic', () => {
      /** A chain of `n` Activation layers listed last to first. */
      const reversedChain = (n: number) => {
        const input = {
          class_name: 'InputLayer',
          name: 'in',
          config: { name: 'in', batch_input_shape: [null, 3] },
          inbound_nodes: [],
        };
        const chain = Array.from({ length: n }, (_, i) => ({
          class_name: 'Activation',
          name: `a${i}`,
          config: { name: `a${i}`, activation: 'relu' },
          inbound_nodes: [[[i === 0 ? 'in' : `a${i - 1}`, 0, 0, {}]]],
        }));
        return {
          class_name: 'Model',
          config: {
            name: 'm',
            layers: [input, ...chain.reverse()],
            input_layers: [['in', 0, 0]],
            output_layers: [[`a${n - 1}`, 0, 0]],
          },
        };
      };
      expect(checkTopology(reversedChain(500), [], noCustom).layers).toBe(502);
      expect(() => checkTopology(reversedChain(4990), [], noCustom)).toThrow(
        /^building it would take more than 1000000 steps \(at layer '.*' \(Activation\)\): its layers are listed far out of call order, or nested models are called many times$/,
      );
    });

    it('nested models called repeatedly (tfjs would replay them exponentially often)', () => {
      // each level calls the level below twice: 2^30 replays of the innermost model
      let inner: any = {
        class_name: 'Sequential',
        config: {
          name: 's0',
          layers: [
            {
              class_name: 'Activation',
              config: { name: 'act', activation: 'relu', batch_input_shape: [null, 3] },
            },
          ],
        },
      };
      for (let i = 1; i <= 30; i++) {
        const input = {
          class_name: 'InputLayer',
          name: `in${i}`,
          config: { name: `in${i}`, batch_input_shape: [null, 3] },
          inbound_nodes: [],
        };
        const call = (k: number) => ({
          ...inner,
          name: inner.config.name,
          inbound_nodes: [[[`in${i}`, 0, 0, {}]], [[`in${i}`, 0, 0, {}]]].slice(0, k),
        });
        inner = {
          class_name: 'Model',
          config: {
            name: `m${i}`,
            layers: [input, call(2)],
            input_layers: [[`in${i}`, 0, 0]],
            output_layers: [[inner.config.name, 2, 0]],
          },
        };
      }
      expect(() => checkTopology(inner, [], noCustom)).toThrow(
        /^building it would take more than 1000000 steps/,
      );
    });

    it('stateful RNN states past the limit', async () => {
      const model = MODEL_ZOO.stateful!.build();
      const a = await artifactsOf(model);
      disposeFully(model);
      const t = JSON.parse(JSON.stringify(a.modelTopology));
      t.config.layers[0].config.batch_input_shape = [10_000_000, 3, 2];
      expect(() => checkTopology(t, a.weightSpecs as Spec[], noCustom)).toThrow(
        /its stateful layers would allocate more than 16777216 state values/,
      );
    });
  });

  it("reads Keras's BatchNormalization axis: [n] as tfjs does", async () => {
    const model = MODEL_ZOO.conv2dGlobalMax!.build();
    const a = await artifactsOf(model);
    disposeFully(model);
    const t = JSON.parse(JSON.stringify(a.modelTopology));
    t.config.layers[1].config.axis = [1];
    expect(checkTopology(t, a.weightSpecs as Spec[], noCustom).verified).toBe(5);
    t.config.layers[1].config.axis = [3];
    expect(() => checkTopology(t, a.weightSpecs as Spec[], noCustom)).toThrow(
      /creates the weight '.*\/gamma' with the shape \[3\], but the weight manifest gives it the shape \[5\]/,
    );
  });

  describe('with a custom layer', () => {
    class Scale extends tf.layers.Layer {
      static className = 'ScaleForTopologyTest';
      private w: tf.LayerVariable | null = null;
      override build(inputShape: tf.Shape | tf.Shape[]): void {
        const s = inputShape as tf.Shape;
        this.w = this.addWeight('w', [s[s.length - 1]!], 'float32', tf.initializers.ones());
        this.built = true;
      }
      override call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
        return tf.tidy(() => tf.mul(x as tf.Tensor, this.w!.read()));
      }
      override getClassName(): string {
        return 'ScaleForTopologyTest';
      }
    }
    beforeAll(() => tf.serialization.registerClass(Scale));
    const info = { isCustomLayer: (n: string) => n === 'ScaleForTopologyTest' };

    it('checks the layers before it and leaves its weights, and those after it, to the manifest', async () => {
      const model = tf.sequential({
        layers: [
          tf.layers.dense({ units: 3, inputShape: [2] }),
          new Scale({}),
          tf.layers.dense({ units: 1 }),
        ],
      });
      const a = await artifactsOf(model);
      disposeFully(model);
      expect(checkTopology(a.modelTopology, a.weightSpecs as Spec[], info)).toEqual({
        verified: 2,
        unverified: 3,
        layers: 4,
      });
      expect(() => checkTopology(a.modelTopology, a.weightSpecs as Spec[], noCustom)).toThrow(
        /'ScaleForTopologyTest'/,
      );
    });

    it('inside a nested model called by a functional model', async () => {
      const inner = tf.sequential({
        layers: [tf.layers.dense({ units: 3, inputShape: [2] }), new Scale({})],
      });
      const x = tf.input({ shape: [2] });
      const y = tf.layers.dense({ units: 1 }).apply(inner.apply(x)) as tf.SymbolicTensor;
      const model = tf.model({ inputs: x, outputs: y });
      const a = await artifactsOf(model);
      disposeFully(model);
      expect(checkTopology(a.modelTopology, a.weightSpecs as Spec[], info)).toMatchObject({
        verified: 2,
        unverified: 3,
      });
    });
  });
});
