using System.Diagnostics;
using System.Security.Cryptography;
using Workflows.Adapters.Pdf;
using Workflows.Adapters.Registry;
using Workflows.Documents.Letters;
using Workflows.Network;
using Workflows.Network.Seed;
using Workflows.Signing;

namespace Workflows.Bench;

/// <summary>
/// Renders each document a nurse receives for each seeded network, one at a time as an activity does, and reports
/// the time per document. Goal: under 50 ms each.
/// </summary>
internal static class DocumentRendering
{
    private const int Warmup = 20;
    private const int Rounds = 200;

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflows-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
            var registry = new NetworkRegistry(store, TimeProvider.System);
            await RegistrySeed.SeedWhenEmptyAsync(registry);
            var now = TimeProvider.System.GetUtcNow();
            var pdf = new SkiaPdfRenderer();
            Console.WriteLine($"documents: {Rounds} renders each after {Warmup} warm-up, one thread");
            Console.WriteLine($"{"network",-12} {"document",-32} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KiB",6} {"alloc KiB",10}");
            foreach (var network in await registry.ListAsync<CompetenceNetwork>(null))
            {
                var parties = await PartiesAsync(registry, network, now);
                var unsigned = NetworkDocuments.FunctionDescription(pdf, parties, now);
                var sha = Convert.ToHexStringLower(SHA256.HashData(unsigned));
                Signature[] signatures =
                [
                    new(SignerRole.Nurse, parties.Nurse.Name!, now, "203.0.113.10", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)"),
                    new(SignerRole.NearestLeader, parties.NearestLeader.Name, now, "203.0.113.11", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"),
                    new(SignerRole.NetworkLeader, network.NetworkLeader.Name, now, "203.0.113.12", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)"),
                ];
                Measure(network.Id, "welcome letter", () => NetworkDocuments.WelcomeLetter(pdf, parties, now));
                Measure(network.Id, "function description", () => NetworkDocuments.FunctionDescription(pdf, parties, now));
                Measure(network.Id, "signed function description", () => NetworkDocuments.SignedFunctionDescription(pdf, parties, now, signatures, "funksjonsbeskrivelse.pdf", sha));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<NurseContext> PartiesAsync(NetworkRegistry registry, CompetenceNetwork network, DateTimeOffset now)
    {
        var unit = (await registry.ListAsync<Unit>(network.Id))[0];
        var nurse = new ResourceNurse
        {
            Id = NetworkRegistry.NewNurseId(),
            NetworkId = network.Id,
            UnitId = unit.Id,
            Name = "Kari Nordmann-Sæbø",
            Email = "kari@bench.example",
            StartDate = DateOnly.FromDateTime(now.UtcDateTime),
        };
        var area = (await registry.GetAsync<LocalArea>(unit.AreaId)).Entity;
        return new NurseContext(network, area, unit, nurse, unit.NearestLeader);
    }

    private static void Measure(string network, string document, Func<byte[]> render)
    {
        var size = 0;
        for (var i = 0; i < Warmup; i++)
        {
            size = render().Length;
        }

        var times = new double[Rounds];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            render();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Rounds / 1024.0;
        Array.Sort(times);
        Console.WriteLine(
            $"{network,-12} {document,-32} {times[Rounds / 2],8:F2} {times[Rounds * 95 / 100],8:F2} {times[^1],8:F2} {size / 1024.0,6:F0} {allocated,10:F0}");
    }
}
