using NewsPortal.Core.Messages;

namespace NewsPortal.UnitTests.Messages;

public sealed class ExportingMessagesAsCsv
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+2", "\"'+1+2\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_cell_a_spreadsheet_would_run_is_neutralised(string value, string expected)
    {
        Assert.Equal(expected, MessageCsv.Cell(value));
    }

    [Theory]
    [InlineData("Plain text", "\"Plain text\"")]
    [InlineData("He said \"hi\", then left", "\"He said \"\"hi\"\", then left\"")]
    [InlineData("Line one\nLine two", "\"Line one\nLine two\"")]
    [InlineData("a=b", "\"a=b\"")]
    [InlineData("", "\"\"")]
    [InlineData("重庆", "\"重庆\"")]
    public void Other_cells_are_quoted_and_kept(string value, string expected)
    {
        Assert.Equal(expected, MessageCsv.Cell(value));
    }

    [Fact]
    public async Task The_file_starts_with_a_byte_order_mark_and_a_header()
    {
        var rows = new[]
        {
            new MessageExportRow("NP-AAAA-BBBB", "2026-11-29 21:31", MessageStatus.New, "Li Wei", "li@example.cn", "=cmd", "Hello, \"world\"", "", null),
        }.ToAsyncEnumerable();
        var writer = new StringWriter();

        await MessageCsv.WriteAsync(writer, rows);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("\uFEFF\"Reference\",\"Received\",\"Status\",\"Name\",\"Email\",\"Subject\",\"Message\",\"Notes\",\"Spam reason\"", lines[0]);
        Assert.Equal("\"NP-AAAA-BBBB\",\"2026-11-29 21:31\",\"New\",\"Li Wei\",\"li@example.cn\",\"'=cmd\",\"Hello, \"\"world\"\"\",\"\",\"\"", lines[1]);
        Assert.Equal("", lines[2]);
    }
}
