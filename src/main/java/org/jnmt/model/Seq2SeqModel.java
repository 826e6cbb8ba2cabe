package org.jnmt.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.jnmt.config.ModelConfig;
import org.jnmt.data.Batch;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.ParameterSet.Parameter;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attentional encoder-decoder of Bahdanau, Cho and Bengio (2015) with hand-written forward and
 * backward passes: a bidirectional GRU encoder ({@link BiGruEncoder}), a GRU decoder with additive
 * attention ({@link Attention}) queried by the previous state ({@link GruDecoder}) or by a first GRU
 * transition that has read the previous word ({@link ConditionalGruDecoder}), and an
 * output layer with optional readout and tied embeddings ({@link OutputLayer}).
 * <p>
 * Training and forced decoding work on packed real target positions (see {@link LengthPacking}):
 * padding is never computed on. Inference goes step by step for N hypotheses ({@link #encode},
 * {@link #step}). Not thread-safe: an instance reuses its work buffers from call to call.
 * Parameters must be updated in place (the layers hold views of them).
 */
public final class Seq2SeqModel {

    private final ModelDimensions dims;
    private final ParameterSet params;
    private final BiGruEncoder encoder;
    private final Decoder decoder;
    private final OutputLayer output;
    private final double embDropout;
    private final double outDropout;
    private final double initScale;
    private final Dropout dropout = new Dropout();
    private final Scratch[] outMaskBuffers = new Scratch[Features.PIECES]; // per feature piece s, c, E y
    private final Scratch[] droppedFeatureBuffers = new Scratch[Features.PIECES];
    private final Scratch[] dFeatureBuffers = new Scratch[Features.PIECES];
    private final Scratch dGuideBuffer;

    /**
     * @param dims    the sizes
     * @param options read for the dropout rates (emb_dropout, out_dropout) and init_scale
     * @param type    FLOAT for training, DOUBLE for the gradient check
     */
    public Seq2SeqModel(ModelDimensions dims, ModelConfig options, DataType type) {
        rate("model.emb_dropout", options.embDropout);
        rate("model.out_dropout", options.outDropout);
        if (!(options.initScale > 0)) {
            throw new NmtException("model.init_scale must be positive, not " + options.initScale + ".");
        }
        this.dims = dims;
        this.embDropout = options.embDropout;
        this.outDropout = options.outDropout;
        this.initScale = options.initScale;
        this.params = new ParameterSet(type);
        this.encoder = new BiGruEncoder(params, dims.srcVocab(), dims.emb(), dims.encHidden(), dims.decHidden());
        this.decoder = Decoder.create(
                dims.decoder(),
                params,
                dims.tgtVocab(),
                dims.emb(),
                2 * dims.encHidden(),
                dims.decHidden(),
                dims.attn());
        this.output = new OutputLayer(
                params,
                new long[] {dims.decHidden(), 2L * dims.encHidden(), dims.emb()},
                dims.tgtVocab(),
                dims.readout(),
                dims.readoutSize(),
                dims.tiedEmbeddings() ? decoder.embedding().parameter() : null);
        this.dGuideBuffer = new Scratch(type);
        for (int p = 0; p < Features.PIECES; p++) {
            outMaskBuffers[p] = new Scratch(type);
            droppedFeatureBuffers[p] = new Scratch(type);
            dFeatureBuffers[p] = new Scratch(type);
        }
    }

    public ModelDimensions dimensions() {
        return dims;
    }

    public ParameterSet parameters() {
        return params;
    }

    /**
     * Draws every weight matrix from U(-init_scale, init_scale) and sets every bias (the rank-1
     * tensors) to zero.
     */
    public void initialize(long seed) {
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        for (Parameter p : params.all()) {
            if (p.value().rank() == 1) {
                p.value().assign(0);
            } else {
                Nd4j.getExecutioner().exec(new UniformDistribution(p.value(), -initScale, initScale), random);
            }
        }
    }

    /**
     * Training step: forward with dropout (masks drawn from {@code dropoutSeed}) and backward.
     * Overwrites every parameter's gradient with that of the mean loss over the batch's real target
     * tokens.
     *
     * @param labelSmoothing eps in [0, 1): see {@link OutputLayer}
     */
    public LossResult forwardBackward(Batch batch, long dropoutSeed, double labelSmoothing) {
        return forwardBackward(batch, dropoutSeed, labelSmoothing, null);
    }

    /**
     * Training step with guided alignment: as {@link #forwardBackward(Batch, long, double)}, the
     * guide's cost added to the loss (and to what the gradients are of).
     *
     * @param guide the alignment of each pair of the batch, or null for none
     */
    public LossResult forwardBackward(Batch batch, long dropoutSeed, double labelSmoothing, AlignmentGuide guide) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing " + labelSmoothing + " is outside [0, 1)");
        }
        dropout.reseed(dropoutSeed);
        TeacherForcing forced = teacherForce(batch, dropout);
        int n = forced.targets().length;
        INDArray[] masks = new INDArray[Features.PIECES];
        Features features = Features.of(p -> {
            // the pieces are the decoder's own activations: drop out into copies
            INDArray piece = forced.features().piece(p);
            masks[p] = dropout.mask(outMaskBuffers[p], outDropout, n, piece.size(1));
            if (masks[p] == null) {
                return piece;
            }
            INDArray dropped = droppedFeatureBuffers[p].shaped(n, piece.size(1));
            Ops.mul(piece, masks[p], dropped);
            return dropped;
        });
        OutputLayer.LossSums sums = output.forward(features, forced.targets(), labelSmoothing, true);

        encoder.embedding().parameter().grad().assign(0);
        decoder.embedding().parameter().grad().assign(0);
        Features dFeatures =
                Features.of(p -> dFeatureBuffers[p].shaped(n, features.piece(p).size(1)));
        output.backward(dFeatures, 1.0 / n);
        for (int p = 0; p < Features.PIECES; p++) {
            if (masks[p] != null) {
                dFeatures.piece(p).muli(masks[p]);
            }
        }
        double guided = 0;
        INDArray dGuide = null;
        if (guide != null) {
            INDArray weights = decoder.weights();
            dGuide = dGuideBuffer.zeros(weights.shape());
            guided = guide.apply(batch, forced.packing(), weights, dGuide, 1.0 / n);
        }
        decoder.backward(dFeatures, dGuide);
        encoder.backward(decoder.dAnnotations(), decoder.dInitialState());
        return new LossResult(sums.loss() + guided, sums.nll(), n);
    }

    /** Validation: the loss without dropout and without label smoothing (loss == nll). */
    public LossResult loss(Batch batch) {
        return loss(batch, 0.0);
    }

    /** The loss without dropout, label-smoothed by {@code labelSmoothing}. */
    LossResult loss(Batch batch, double labelSmoothing) {
        return loss(batch, labelSmoothing, null);
    }

    /** The loss without dropout, label-smoothed, with the guide's cost when there is a guide. */
    LossResult loss(Batch batch, double labelSmoothing, AlignmentGuide guide) {
        TeacherForcing forced = teacherForce(batch, null);
        OutputLayer.LossSums sums = output.forward(forced.features(), forced.targets(), labelSmoothing, false);
        double guided = 0;
        if (guide != null) {
            INDArray weights = decoder.weights();
            guided = guide.apply(batch, forced.packing(), weights, dGuideBuffer.zeros(weights.shape()), 0.0);
        }
        return new LossResult(sums.loss() + guided, sums.nll(), forced.targets().length);
    }

    /**
     * Forced decoding of the references, without dropout: for each sentence of the batch (in batch
     * order) its attention weights [tgtLength][srcLength] over the real positions; row i is the
     * attention used to predict target token i (its EOS included).
     */
    public float[][][] attention(Batch batch) {
        TeacherForcing forced = teacherForce(batch, null);
        LengthPacking packing = forced.packing();
        float[][] weights = decoder.weights().toFloatMatrix(); // [N][S]
        float[][][] result = new float[batch.size()][][];
        for (int b = 0; b < batch.size(); b++) {
            result[b] = new float[batch.tgtLengths()[b]][];
        }
        for (int t = 0; t < packing.steps(); t++) {
            for (int k = 0; k < packing.count(t); k++) {
                int b = packing.batchRow(k);
                float[] row = weights[packing.offset(t) + k];
                result[b][t] = Arrays.copyOf(row, batch.srcLengths()[b]);
            }
        }
        return result;
    }

    /**
     * Encodes source sentences for step-by-step decoding (no dropout).
     *
     * @param src        [B][>= length] source ids, each ending with EOS
     * @param srcLengths [B] real lengths
     * @return the encoder state, rows in the given order (fresh arrays)
     */
    public EncoderState encode(int[][] src, int[] srcLengths) {
        checkRows(src, srcLengths, "source");
        encoder.forward(src, srcLengths, IntStream.range(0, src.length).toArray(), null, 0);
        INDArray annotations = encoder.annotations().dup();
        return new EncoderState(
                annotations,
                decoder.keys(annotations, true),
                encoder.initialState().dup(),
                srcLengths.clone());
    }

    /**
     * One decoder step for N hypotheses (no dropout): {@code enc} must have N rows (see
     * {@link EncoderState#select}).
     *
     * @param prevState  [N, D] s_{i-1} (the encoder state's initial state at the first step)
     * @param prevTokens [N] y_{i-1} (BOS at the first step)
     */
    public DecoderStep step(EncoderState enc, INDArray prevState, int[] prevTokens) {
        if (enc.size() != prevTokens.length
                || prevState.size(0) != prevTokens.length
                || prevState.size(1) != dims.decHidden()) {
            throw new IllegalArgumentException("step needs " + prevTokens.length + " encoder rows and states of ["
                    + prevTokens.length + ", " + dims.decHidden() + "], got " + enc.size() + " rows and "
                    + Arrays.toString(prevState.shape()));
        }
        Decoder.StepResult result = decoder.step(enc, prevState, prevTokens);
        return new DecoderStep(
                output.logProbabilities(result.features()), result.features().states(), result.weights());
    }

    /** Encodes the batch and runs the decoder over its references; rows sorted by target length. */
    private TeacherForcing teacherForce(Batch batch, Dropout masks) {
        checkRows(batch.src(), batch.srcLengths(), "source");
        if (batch.tgt() == null || batch.tgtLengths() == null) {
            throw new IllegalArgumentException("the batch has no targets");
        }
        checkRows(batch.tgt(), batch.tgtLengths(), "target");
        int[][] tgt = batch.tgt();
        LengthPacking packing = new LengthPacking(batch.tgtLengths());
        encoder.forward(batch.src(), batch.srcLengths(), packing.order(), masks, embDropout);
        INDArray annotations = encoder.annotations();
        int[] lengths = encoder.outputLengths();
        EncoderState enc =
                new EncoderState(annotations, decoder.keys(annotations, false), encoder.initialState(), lengths);
        int[] inputs = packing.pack((k, t) -> t == 0 ? SpecialTokens.BOS : tgt[packing.batchRow(k)][t - 1]);
        int[] targets = packing.pack((k, t) -> tgt[packing.batchRow(k)][t]);
        for (int id : targets) {
            if (id < 0 || id >= dims.tgtVocab()) {
                throw new IllegalArgumentException(
                        "target id " + id + " is outside the vocabulary of " + dims.tgtVocab());
            }
        }
        Features features = decoder.forward(enc, packing, inputs, masks, embDropout);
        return new TeacherForcing(packing, targets, features);
    }

    private static void checkRows(int[][] ids, int[] lengths, String side) {
        if (ids.length != lengths.length || ids.length == 0) {
            throw new IllegalArgumentException(side + ": " + ids.length + " rows but " + lengths.length + " lengths");
        }
        for (int b = 0; b < ids.length; b++) {
            if (lengths[b] < 1 || lengths[b] > ids[b].length) {
                throw new IllegalArgumentException(
                        side + " row " + b + ": length " + lengths[b] + " outside 1.." + ids[b].length);
            }
        }
    }

    private static void rate(String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new NmtException(name + " must be in [0, 1), not " + p + ".");
        }
    }

    /**
     * The decoder's side of a teacher-forced pass.
     *
     * @param packing  the target positions, rows sorted by target length
     * @param targets  [N] the packed references y_i
     * @param features the decoder's features of the packed positions
     */
    private record TeacherForcing(LengthPacking packing, int[] targets, Features features) {}
}
