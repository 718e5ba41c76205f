package io.cloudmq.controlplane.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    @Test
    void fullPageCarriesATokenThatContinuesAfterItsLastItem() {
        PageCursor cursor = PageCursor.parse(null, 2);

        var page = cursor.page(List.of("a", "b", "c"), Function.identity(), String::toUpperCase);

        assertThat(page.items()).containsExactly("A", "B");
        assertThat(PageCursor.parse(page.nextPageToken(), 2).after()).isEqualTo("b");
    }

    @Test
    void lastPageHasNoToken() {
        var page = PageCursor.parse(null, 2).page(List.of("a", "b"), Function.identity(), Function.identity());

        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void defaultsAndLimitsThePageSize() {
        assertThat(PageCursor.parse(null, null).size()).isEqualTo(20);
        assertThat(PageCursor.parse(null, 100).fetchSize()).isEqualTo(101);
        assertThatThrownBy(() -> PageCursor.parse(null, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageCursor.parse(null, 101)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageCursor.parse("not base64!", 10)).isInstanceOf(InvalidFieldException.class);
    }
}
