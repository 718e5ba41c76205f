package io.cloudmq.controlplane.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.common.PageView;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedPageTest {
    @Test
    void aPageReadsOneItemPastItsEndToKnowWhetherAnotherFollows() {
        NumberedPage second = NumberedPage.of(1, 2);

        assertThat(second.readCount()).isEqualTo(5);
        PageView<String> full = second.slice(List.of("a", "b", "c", "d", "e"));
        assertThat(full.items()).containsExactly("c", "d");
        assertThat(full.nextPageToken()).isEqualTo("2");
        PageView<String> last = second.slice(List.of("a", "b", "c"));
        assertThat(last.items()).containsExactly("c");
        assertThat(last.nextPageToken()).isNull();
        assertThat(second.slice(List.of("a")).items()).isEmpty();
    }

    @Test
    void theLastPageWithinTheDepthReadsNoFurther() {
        assertThat(NumberedPage.of(9, 100).readCount()).isEqualTo(NumberedPage.MAX_DEPTH);
    }

    @Test
    void aSizeOrPageOutOfRangeIsRefused() {
        assertThatThrownBy(() -> NumberedPage.of(0, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> NumberedPage.of(0, NumberedPage.MAX_SIZE + 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> NumberedPage.of(-1, 20)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> NumberedPage.of(10, 100)).isInstanceOf(InvalidFieldException.class);
    }
}
