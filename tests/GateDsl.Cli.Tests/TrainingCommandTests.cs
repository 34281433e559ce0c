using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>
/// The training commands as a user meets them: usage errors, data problems on one line with file,
/// position and problem, and tiny real runs of train, evaluate and compare. They train on libtorch's
/// global generator, so they run apart from the parallel tests (<see cref="TorchCollection"/>).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingCommandTests
{
    private static string Cells => RepoPaths.Stdlib("cells.gate");

    [Fact]
    public void A_stochastic_cell_trains_as_a_compiled_layer()
    {
        using var folder = new TempDirectory();
        var run = Path.Combine(folder.Path, "run");

        var result = Gatec.Run("train", Cells, "--cell", "BBetaLSTM5GPrior", "--task", "adding:4", "--epochs", "1", "--hidden-size", "4", "--batch-size", "500", "--out", run);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("training BBetaLSTM5GPrior on adding:4 with compiled cell (fused CPU kernel)", result.Stdout);
        Assert.Contains("KL ", result.Stdout);
        Assert.Contains("test at the best-validation checkpoint (epoch 1): MSE", result.Stdout);
    }

    [Fact]
    public void Unknown_task_and_cell_are_usage_errors_that_say_what_exists()
    {
        var task = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "chess");
        var cell = Gatec.Run("train", Cells, "--cell", "LSMT", "--task", "adding");

        Assert.Equal(ExitCodes.Usage, task.ExitCode);
        Assert.Contains("unknown task 'chess'; the tasks are music, mnist, sentences, adding, copy", task.Stderr);
        Assert.Equal(ExitCodes.Usage, cell.ExitCode);
        Assert.Contains("no cell 'LSMT'", cell.Stderr);
        Assert.Contains("did you mean 'LSTM'?", cell.Stderr);
    }

    /// <summary>train and compare read their shared options in one place: the same usage errors, the task's first.</summary>
    [Theory]
    [InlineData("train", "--cell")]
    [InlineData("compare", "--cells")]
    public void Train_and_compare_reject_a_bad_task_or_dropout_kind_alike(string command, string cellOption)
    {
        var kind = Gatec.Run(command, Cells, cellOption, "LSTM", "--task", "adding", "--dropout-kind", "sticky");
        var both = Gatec.Run(command, Cells, cellOption, "LSTM", "--task", "chess", "--dropout-kind", "sticky");

        Assert.Equal(ExitCodes.Usage, kind.ExitCode);
        Assert.Contains("--dropout-kind must be plain or locked (got 'sticky')", kind.Stderr);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("unknown task 'chess'", both.Stderr);
        Assert.DoesNotContain("--dropout-kind", both.Stderr);
    }

    [Fact]
    public void Bad_numbers_are_usage_errors_naming_the_option()
    {
        var result = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "adding", "--lr", "fast");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--lr must be a number > 0 (got 'fast')", result.Stderr);
    }

    [Fact]
    public void Music_without_data_says_how_to_give_it()
    {
        var result = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "music");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.StartsWith("gatec: the music task reads piano rolls from a JSON file: pass --data PATH", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_malformed_music_file_is_named_with_piece_step_and_problem()
    {
        using var folder = new TempDirectory();
        var data = folder.Write("chorales.json", "{\"train\": [[[60], [61]]], \"valid\": [[[60], [61]]], \"test\": [[[60], [61], [109]]]}");

        var result = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "music", "--data", data, "--out", Path.Combine(folder.Path, "run"));

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Equal($"gatec: {data}: test piece 1, step 3: pitch 109 is outside the piano range 21..108 (MIDI)\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_data_folder_without_digits_says_how_to_get_them_in_one_line()
    {
        using var folder = new TempDirectory();

        var result = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "mnist", "--data", folder.Path, "--out", Path.Combine(folder.Path, "run"));

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("gatec data fetch mnist", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Resume_needs_the_run_folder()
    {
        var result = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "adding", "--resume");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--resume needs --out", result.Stderr);
    }

    [Fact]
    public void Data_fetch_knows_its_data_sets()
    {
        var result = Gatec.Run("data", "fetch", "chess");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown data set 'chess'; gatec fetches mnist and sentences", result.Stderr);
    }

    [Fact]
    public void Train_then_evaluate_a_tiny_run_end_to_end()
    {
        using var folder = new TempDirectory();
        var run = Path.Combine(folder.Path, "run");

        var train = Gatec.Run("train", Cells, "--cell", "LSTM", "--task", "adding:5", "--epochs", "1", "--hidden-size", "4", "--batch-size", "500", "--out", run, "--json");

        Assert.True(train.ExitCode == ExitCodes.Success, train.ToString());
        using (var metrics = JsonDocument.Parse(train.Stdout))
        {
            var root = metrics.RootElement;
            Assert.Equal("completed", root.GetProperty("status").GetString());
            Assert.Equal($"gatec train {Cells} --cell LSTM --task adding:5 --epochs 1 --hidden-size 4 --batch-size 500 --out {run} --json", root.GetProperty("command").GetString());
            Assert.Equal(1000, root.GetProperty("test").GetProperty("items").GetInt64());
            Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("specHash").GetString());
        }

        Assert.Contains("epoch 1/1  train loss", train.Stderr);
        foreach (var file in new[] { "metrics.json", "best.ckpt", "last.ckpt", "curves.png", "gates.png", "gates-joint.png", "gate-gradients.png" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing");
        }

        var evaluate = Gatec.Run("evaluate", Path.Combine(run, "best.ckpt"));
        Assert.True(evaluate.ExitCode == ExitCodes.Success, evaluate.ToString());
        Assert.Contains("LSTM on adding:5, epoch 1", evaluate.Stdout);
        Assert.Contains("test   loss", evaluate.Stdout);
    }

    [Fact]
    public void Compare_on_tiny_settings_writes_its_tables()
    {
        using var folder = new TempDirectory();
        var spec = folder.Write("two.gate",
            "cell A {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n" +
            "cell B {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");
        var output = Path.Combine(folder.Path, "cmp");

        var result = Gatec.RunAt(60, "compare", spec, "--cells", "A,B", "--task", "adding:4", "--seeds", "1", "--epochs", "1", "--hidden-size", "4", "--batch-size", "500", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(output, "compare.md"));
        Assert.Contains($"gatec compare {spec} --cells A,B --task adding:4", markdown);
        Assert.Contains("| A | compiled cell (standard LSTM on libtorch's fused kernel) |", markdown);
        Assert.Contains("| B | compiled cell (standard LSTM on libtorch's fused kernel) |", markdown);
        Assert.Contains($"`gatec train {spec} --cell B --task adding:4 --epochs 1 --hidden-size 4 --batch-size 500 --seed 1000 --out ", markdown);
        Assert.True(File.Exists(Path.Combine(output, "compare.json")));
        Assert.Contains("test MSE on adding:4", result.Stdout);
        var table = result.Stdout[result.Stdout.IndexOf("test MSE on adding:4", StringComparison.Ordinal)..];
        var rows = table.Split('\n').Where(line => line.Length > 0 && "╭│├╰".Contains(line[0])).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, line => Assert.True(line.TrimEnd('\r').Length <= 60, $"wider than 60 columns: '{line}'"));
        Assert.Contains("parameters", table);
    }
}
