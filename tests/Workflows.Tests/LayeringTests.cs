using System.Xml.Linq;
using Workflows.TestSupport;

namespace Workflows.Tests;

/// <summary>
/// The domain speaks through ports (<c>IRegistryStore</c>, <c>IDocumentStore</c>, <c>IEmailSender</c>,
/// <c>IPdfRenderer</c>); the stores, senders and PDF library live in <c>src/Adapters</c>, which the host wires.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] InfrastructurePrefixes = ["Azure.", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "MailKit", "MimeKit", "SkiaSharp", "Microsoft.Extensions.TimeProvider.Testing"];

    [Fact]
    public void DomainProject_ReferencesNoInfrastructurePackage()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Workflows", "Workflows.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? string.Empty).ToList();
        var projects = project.Descendants("ProjectReference").Select(p => (string?)p.Attribute("Include") ?? string.Empty).ToList();

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => InfrastructurePrefixes.Any(prefix => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(projects);
    }

    [Fact]
    public void DomainAssembly_LoadsNoInfrastructureAssembly()
    {
        var references = typeof(NetworkTasks).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Contains("Microsoft.DurableTask.Abstractions", references);
        Assert.DoesNotContain(references, r => InfrastructurePrefixes.Any(prefix => r.StartsWith(prefix.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)));
    }
}
