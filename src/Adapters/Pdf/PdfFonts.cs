using SkiaSharp;
using Workflows.Documents.Pdf;

namespace Workflows.Adapters.Pdf;

/// <summary>
/// The fonts shipped with the assembly (DejaVu Sans, regular and bold): documents look the same on every machine and
/// have æ, ø and å, whatever fonts the host has installed.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Workflows.Adapters.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }
}
