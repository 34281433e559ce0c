using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary><c>describe --ir --json</c>: the gate IR as data (instructions, slots, KL terms, laws).</summary>
public sealed class DescribeIrJsonTests
{
    [Fact]
    public void Gives_instructions_slots_and_laws_that_index_the_training_step()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5G", "--ir", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(new[] { "file", "cells", "diagnostics" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.Equal(new[] { "name", "heads", "evaluation", "hyperParameters", "trainingStep", "evaluationStep", "gates" }, cell.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, cell.GetProperty("heads").GetInt32());
        var training = cell.GetProperty("trainingStep");
        var instructions = training.GetProperty("instructions").EnumerateArray().ToList();

        // Indices are positions; every operand reads an earlier instruction.
        Assert.Equal(Enumerable.Range(0, instructions.Count), instructions.Select(x => x.GetProperty("index").GetInt32()));
        Assert.All(instructions, x => Assert.All(x.GetProperty("operands").EnumerateArray(), o => Assert.InRange(o.GetInt32(), 0, x.GetProperty("index").GetInt32() - 1)));

        // Five Gamma draws, ids 0..4, each with shape and rate operands.
        var draws = instructions.Where(x => x.GetProperty("op").GetString() == "draw").ToList();
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, draws.Select(d => d.GetProperty("draw").GetInt32()));
        Assert.All(draws, d => Assert.Equal("Gamma", d.GetProperty("law").GetString()));
        Assert.Equal(new[] { "g[1]", "g[2]", "g[3]", "g[4]", "g[5]" }, draws.Select(d => d.GetProperty("name").GetString()));

        // i's law: Beta(%a, %b) with %a = shape(g[1]) + shape(g[3]), read through the instructions.
        var i = cell.GetProperty("gates")[0];
        Assert.Equal("exactMean", i.GetProperty("evaluation").GetString());
        var law = i.GetProperty("law");
        Assert.Equal("Beta", law.GetProperty("family").GetString());
        var numerator = instructions[law.GetProperty("parameters")[0].GetInt32()];
        Assert.Equal("add", numerator.GetProperty("op").GetString());
        Assert.False(numerator.GetProperty("computed").GetBoolean());
        var shapes = numerator.GetProperty("operands").EnumerateArray().Select(o => o.GetInt32()).ToHashSet();
        var shapeOf = draws.ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("operands")[0].GetInt32());
        Assert.Equal(new HashSet<int> { shapeOf["g[1]"], shapeOf["g[3]"] }, shapes);
        Assert.Equal("Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))", law.GetProperty("text").GetString());

        var joint = i.GetProperty("joint");
        Assert.Equal(0, joint.GetProperty("component").GetInt32());
        Assert.Equal("f", joint.GetProperty("partner").GetString());
        Assert.Equal(shapeOf.Values.Order(), joint.GetProperty("law").GetProperty("parameters").EnumerateArray().Select(p => p.GetInt32()).Order());

        var slots = training.GetProperty("slots");
        Assert.Equal(new[] { "i", "f", "o", "candidate" }, slots.EnumerateObject().Select(p => p.Name));
        // i is one ratio over the draws: g[1] and g[3] in the numerator, then g[4] and g[5].
        var ratio = instructions[slots.GetProperty("i").GetInt32()];
        Assert.Equal("ratio", ratio.GetProperty("op").GetString());
        Assert.Equal(2, ratio.GetProperty("numerator").GetInt32());
        var drawOf = draws.ToDictionary(d => d.GetProperty("index").GetInt32(), d => d.GetProperty("name").GetString());
        var operands = ratio.GetProperty("operands").EnumerateArray().Select(o => drawOf[o.GetInt32()]).ToList();
        Assert.Equal(new[] { "g[1]", "g[3]" }, operands.Take(2).Order());
        Assert.Equal(new[] { "g[4]", "g[5]" }, operands.Skip(2).Order());
    }

    [Fact]
    public void Gives_KL_terms_with_their_method_and_the_evaluation_step_without_draws()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5GPrior", "--ir", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        var training = cell.GetProperty("trainingStep");
        var terms = training.GetProperty("klTerms").EnumerateArray().ToList();
        Assert.Equal(5, terms.Count);
        Assert.All(terms, t => Assert.Equal("closedForm", t.GetProperty("klMethod").GetString()));
        Assert.All(terms, t => Assert.Equal(1e-3, t.GetProperty("weight").GetDouble()));
        var prior = terms[0].GetProperty("prior");
        var instructions = training.GetProperty("instructions");
        Assert.Equal(new[] { 0.5, 1.0 }, prior.GetProperty("parameters").EnumerateArray().Select(p => instructions[p.GetInt32()].GetProperty("value").GetDouble()));

        var evaluation = cell.GetProperty("evaluationStep").GetProperty("instructions").EnumerateArray();
        Assert.DoesNotContain(evaluation, x => x.GetProperty("op").GetString() == "draw");
    }

    [Fact]
    public void Leaves_out_fields_that_do_not_apply_to_an_op()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "KumaraswamyLSTM", "--ir", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        var evaluation = cell.GetProperty("evaluationStep").GetProperty("instructions").EnumerateArray().ToList();
        var head = evaluation.First(x => x.GetProperty("op").GetString() == "head");
        Assert.Equal(new[] { "index", "op", "operands", "head", "computed" }, head.EnumerateObject().Select(p => p.Name));
        var mean = Assert.Single(evaluation, x => x.GetProperty("op").GetString() == "mean" && x.GetProperty("name").GetString() == "i");
        Assert.Equal("Kumaraswamy", mean.GetProperty("law").GetString());
        Assert.Equal(2, mean.GetProperty("operands").GetArrayLength());
    }

    [Fact]
    public void A_file_with_errors_gives_no_cells_and_exit_1()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("describe", file, "--ir", "--json");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Empty(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.NotEmpty(document.RootElement.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public void Sizes_with_ir_are_a_usage_error()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--ir", "--input-size", "88", "--hidden-size", "148");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--ir prints the gate IR, which does not depend on the sizes", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
