using System.Xml.Linq;
using Workflows.TestSupport;

namespace Workflows.Infra.Tests;

/// <summary>Every package version pinned centrally is used: referenced by a project, or named as a transitive pin with its reason.</summary>
public sealed class PackagePinsTests
{
    private static readonly string[] TransitivePins = ["System.Reactive.Compatibility", "OpenTelemetry.PersistentStorage.FileSystem"];

    [Fact]
    public void EveryPinnedPackage_IsReferencedByAProjectOrIsAKnownTransitivePin()
    {
        var root = RepositoryRoot.Path;
        var pinned = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(p => (string)p.Attribute("Include")!)
            .ToList();
        var referenced = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith("Directory.Build.props", StringComparison.Ordinal))
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(f).Descendants().Where(e => e.Name.LocalName is "PackageReference" or "PackageDownload"))
            .Select(e => (string?)e.Attribute("Include"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(pinned);
        Assert.DoesNotContain(pinned, p => !referenced.Contains(p) && !TransitivePins.Contains(p));
    }
}
