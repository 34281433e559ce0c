using FsCheck;
using FsCheck.Fluent;

namespace GateDsl.Reference.Tests;

/// <summary>FsCheck generators for the property tests; ranges are where the references are documented accurate.</summary>
public static class Generators
{
    private static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + (hi - lo) * i / 1e6);

    public static Arbitrary<Shape> Shape() =>
        Arb.From(Uniform(Math.Log(0.3), Math.Log(20)).Select(t => new Shape(Math.Exp(t))));

    public static Arbitrary<Level> Level() => Arb.From(Uniform(0.001, 0.999).Select(p => new Level(p)));

    public static Arbitrary<Location> Location() => Arb.From(Uniform(-5, 5).Select(x => new Location(x)));
}
