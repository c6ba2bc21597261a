using Xunit;

namespace Workflows.TestSupport;

/// <summary>
/// Approval (snapshot) tests: text is compared with an approved copy kept in the repository beside the test, so a
/// wording change shows as a diff in review. On a difference the new text is written beside it as
/// <c>.received.txt</c>; run the tests with <c>UPDATE_APPROVALS=1</c> to accept every difference.
/// </summary>
public static class Approvals
{
    /// <summary>Compares <paramref name="actual"/> with <c>{folder}/{name}.approved.txt</c> (folder relative to the repository root).</summary>
    public static void Verify(string folder, string name, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var directory = System.IO.Path.Combine(RepositoryRoot.Path, folder);
        var approved = System.IO.Path.Combine(directory, name + ".approved.txt");
        var received = System.IO.Path.Combine(directory, name + ".received.txt");
        var text = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_APPROVALS") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, text);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(received)!);
        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"{folder}/{name}: no approved text yet; review {received} and run with UPDATE_APPROVALS=1 to approve it."
            : $"{folder}/{name} differs from its approved text at line {FirstDifference(expected, text)}; compare {received} with {approved}.");
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }
}
