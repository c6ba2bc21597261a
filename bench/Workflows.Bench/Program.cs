// Domain benchmarks with the system clock. Run in Release:
//   dotnet run -c Release --project bench/Workflows.Bench -- [documents|registrations] [--azurite]
using Workflows.Bench;

var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

if (which is "all" or "documents")
{
    await DocumentRendering.RunAsync();
}

if (which is "all" or "registrations")
{
    await Registrations.RunAsync(onAzurite: args.Contains("--azurite"));
}
