fn main() {
    yew::Renderer::<report_lens::App>::new().render();
}
