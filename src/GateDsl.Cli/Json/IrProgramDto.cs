namespace GateDsl.Cli.Json;

/// <summary>One step's program: instructions in dependency order, the four slots, the KL terms.</summary>
/// <param name="Instructions">Every instruction; each reads only earlier ones (by index).</param>
/// <param name="Slots">The instructions that are i, f, o and the candidate.</param>
/// <param name="KlTerms">The weighted prior terms a step adds.</param>
public sealed record IrProgramDto(IReadOnlyList<IrInstructionDto> Instructions, IrSlotsDto Slots, IReadOnlyList<IrKlTermDto> KlTerms);
