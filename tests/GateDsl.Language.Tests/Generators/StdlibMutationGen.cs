using FsCheck;
using FsCheck.Fluent;

namespace GateDsl.Language.Tests.Generators;

/// <summary>Mutations of the real stdlib specs: lines deleted, swapped or duplicated, the text truncated, a token inserted.</summary>
public static class StdlibMutationGen
{
    /// <summary>One mutation of one stdlib file.</summary>
    public static Gen<StdlibMutation> Mutation { get; } =
        from file in Gen.Elements(StdlibSources.Names)
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        from token in Gen.Elements(NoiseGen.Vocabulary)
        select Apply(file, StdlibSources.Read(file), kind, a, b, token);

    private static StdlibMutation Apply(string file, string original, MutationKind kind, int a, int b, string token)
    {
        var lines = original.Split('\n').ToList();
        var line = a % lines.Count;
        var offset = a % (original.Length + 1);
        switch (kind)
        {
            case MutationKind.DeleteLine:
                lines.RemoveAt(line);
                break;
            case MutationKind.SwapLines:
                var other = b % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case MutationKind.Truncate:
                return new StdlibMutation(file, kind, original, original[..offset], line, offset);
            case MutationKind.InsertToken:
                return new StdlibMutation(file, kind, original, original[..offset] + token + original[offset..], line, offset);
        }

        return new StdlibMutation(file, kind, original, string.Join('\n', lines), line, offset);
    }
}
