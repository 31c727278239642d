using System.Globalization;

namespace CxMaturity.LoadHarness;

/// <summary>The command line: <c>--name value</c> pairs and bare flags, each with a default that matches the goals.</summary>
public sealed record HarnessOptions
{
    /// <summary><c>browser</c> (the questionnaire in Chromium) or <c>api</c> (HTTP clients against the API).</summary>
    public string Mode { get; init; } = "browser";

    /// <summary>API mode: concurrent clients.</summary>
    public int Clients { get; init; } = 50;

    /// <summary>API mode: seconds a phase runs.</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>API mode: organisations the listing user belongs to.</summary>
    public int Organisations { get; init; } = 30;

    public int Sessions { get; init; } = 50;

    public int QuestionsPerSession { get; init; } = 20;

    public int ThinkMinMs { get; init; }

    public int ThinkMaxMs { get; init; } = 200;

    /// <summary>Idle circuits to hold open for the memory figure, in ascending order; each step adds to the last.</summary>
    public IReadOnlyList<int> IdleCircuits { get; init; } = [];

    public string Environment { get; init; } = "Production";

    public bool SkipMemory { get; init; }

    public bool SkipLoad { get; init; }

    public int Seed { get; init; } = 20261123;

    public int OpenConcurrency { get; init; } = 6;

    public int SettleSeconds { get; init; } = 5;

    /// <summary>Seconds to wait after each memory reading, e.g. to take a heap snapshot of the server process.</summary>
    public int HoldSeconds { get; init; }

    /// <summary>Cores for the server process (a <c>taskset -c</c> list such as <c>0</c>); null shares all cores.</summary>
    public string? ServerCpus { get; init; }

    /// <summary>Cores for Chromium and its renderers; null shares all cores.</summary>
    public string? BrowserCpus { get; init; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--mode" => options with { Mode = Value() },
                "--clients" => options with { Clients = Number() },
                "--seconds" => options with { Seconds = Number() },
                "--organisations" => options with { Organisations = Number() },
                "--sessions" => options with { Sessions = Number() },
                "--questions" => options with { QuestionsPerSession = Number() },
                "--think-min-ms" => options with { ThinkMinMs = Number() },
                "--think-max-ms" => options with { ThinkMaxMs = Number() },
                "--idle-circuits" => options with
                {
                    IdleCircuits = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order()],
                },
                "--environment" => options with { Environment = Value() },
                "--skip-memory" => options with { SkipMemory = true },
                "--skip-load" => options with { SkipLoad = true },
                "--seed" => options with { Seed = Number() },
                "--open-concurrency" => options with { OpenConcurrency = Number() },
                "--settle-seconds" => options with { SettleSeconds = Number() },
                "--hold-seconds" => options with { HoldSeconds = Number() },
                "--server-cpus" => options with { ServerCpus = Value() },
                "--browser-cpus" => options with { BrowserCpus = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. See tests/CxMaturity.LoadHarness/README.md."),
            };
        }

        if (options.IdleCircuits.Count == 0)
        {
            options = options with { IdleCircuits = [options.Sessions, 2 * options.Sessions] };
        }

        if (options.ThinkMaxMs < options.ThinkMinMs)
        {
            throw new ArgumentException("--think-max-ms must not be below --think-min-ms.");
        }

        return options;
    }
}
