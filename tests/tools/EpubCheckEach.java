// Runs W3C EPUBCheck on each EPUB named, one after another in one Java VM: the checker's start
// (its classes and schemas loaded, 3 to 4 s) is paid once, not once per book. For each book,
// stdout has a line "=== <path>", EPUBCheck's own report (its messages included), then
// "=== exit <code>". Run as a source file: java -cp epubcheck.jar EpubCheckEach.java a.epub ...
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckEach {
    public static void main(String[] paths) {
        System.setErr(System.out);  // the messages in order, among the report's other lines
        for (String path : paths) {
            System.out.println("=== " + path);
            int code = new EpubChecker().run(new String[] {path});
            System.out.println("=== exit " + code);
        }
    }
}
