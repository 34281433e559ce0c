using System.Text.Json.Serialization;

namespace GateDsl.Cli.Json;

/// <summary>
/// One instruction. <paramref name="Op"/> is head, const, draw, softplus, exp, log, sigmoid, tanh,
/// neg, add, sub, mul, div, pow, mean, mode or ratio; <paramref name="Operands"/> are the indices it
/// reads (a draw's or a moment's law parameters in the law's order; a ratio's Gamma draws, the
/// numerator's first). Fields that do not apply to the op are left out of the JSON.
/// </summary>
/// <param name="Index">Its index in the program.</param>
/// <param name="Op">What it computes.</param>
/// <param name="Operands">Indices of the instructions it reads, in order.</param>
/// <param name="Name">Its source name (a draw, a let, a gate, <c>shape(g[1])</c>), or null.</param>
/// <param name="Value">For const: the number.</param>
/// <param name="Head">For head: the head's index (rows Head*H .. (Head+1)*H - 1 of the fused map).</param>
/// <param name="Law">For draw: the primitive law; for mean and mode: the law's family.</param>
/// <param name="Draw">For draw: its id, 0, 1, ... in program order (the draw key a draw source sees).</param>
/// <param name="Component">For mean and mode of a joint law: 0 for X, 1 for Y.</param>
/// <param name="Numerator">For ratio: how many of the operands are the numerator's draws (the ratio is their sum over the sum of all operands).</param>
/// <param name="Computed">Whether a step computes it (false for parameters of inferred laws, which only analysis reads).</param>
public sealed record IrInstructionDto(
    int Index,
    string Op,
    IReadOnlyList<int> Operands,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Head,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Law,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Draw,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Component,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Numerator,
    bool Computed);
