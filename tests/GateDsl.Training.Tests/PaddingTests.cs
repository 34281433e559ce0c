using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Model;
using GateDsl.Training.Tasks;
using static TorchSharp.torch;

namespace GateDsl.Training.Tests;

/// <summary>Padded batches score exactly what their sequences score alone: padding changes nothing.</summary>
public sealed class PaddingTests
{
    [Theory]
    [InlineData("LSTM")] // libtorch's fused kernel with packed sequences
    [InlineData("BBetaLSTM5GPrior")] // the generic path with the layer's mask, in evaluation mode
    public void Music_frame_nll_of_a_padded_batch_is_the_sum_of_its_pieces_alone(string cell)
    {
        var task = new MusicTask(TestData.Music(6, 1, 1));
        using var model = Model(task, cell);
        var lengths = Enumerable.Range(0, 6).Select(i => task.MakeBatch(Split.Train, [i]).Items).ToArray();
        Assert.True(lengths.Distinct().Count() > 1, "the pieces should differ in length");

        var together = Score(model, task, [0, 1, 2, 3, 4, 5]);
        var alone = Enumerable.Range(0, 6).Sum(i => Score(model, task, [i]));

        Assert.True(Math.Abs(alone - together) <= 1e-6 * alone, $"alone {alone}, together {together}"); // float32 sums in another order
    }

    [Fact]
    public void Sentence_logits_read_at_the_last_real_word_do_not_depend_on_the_batch()
    {
        var task = new SentencesTask(TestData.Sentences(8, 1, 1));
        using var model = Model(task, "LSTM");

        var together = Score(model, task, [0, 1, 2, 3, 4, 5, 6, 7]);
        var alone = Enumerable.Range(0, 8).Sum(i => Score(model, task, [i]));

        Assert.True(Math.Abs(alone - together) <= 1e-6 * alone, $"alone {alone}, together {together}");
    }

    private static SequenceModel Model(TrainingTask task, string cell)
    {
        manual_seed(3);
        var factory = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), cell).Factory!;
        var model = new SequenceModel(task, factory.Create(task.InputSize, 16, 2, 0.3, DropoutKind.Locked));
        model.eval();
        return model;
    }

    private static double Score(SequenceModel model, TrainingTask task, int[] indices)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batch = task.MakeBatch(Split.Train, indices);
        var parts = task.Loss(model.Forward(batch).Logits, batch);
        return parts.DataSum.to(ScalarType.Float64).item<double>();
    }
}
