fn main() {
    patchboard::ui::start();
}
